import { subgraphVariable } from "@lib/subgraph/declaration";
import { SUBGRAPH_LIST } from "@subgraphs/registry";
import { SUBGRAPH_NODE_FLAGS } from "../../scripts/support/node-flags";
import { readManifests, selects, workloadsOf, type Manifest } from "./support/kubernetes-manifests";

const manifests = readManifests();
const workloads = workloadsOf(manifests);
const workload = (name: string) => workloads.find((w) => w.name === name && w.kind === "apps/v1/Deployment")!;
const specs = (kind: string): (Manifest & { raw: { spec: any } })[] => manifests.filter((m) => m.kind === kind) as any;
const envOf = (name: string) => workload(name).template.spec!.containers[0].env ?? [];

describe("deploy/k8s workloads", () => {
  it("select their own pods: every selector matches its template's labels", () => {
    for (const { name, selector, labels } of workloads)
      expect({ name, selected: selects(selector, labels) }).toEqual({ name, selected: true });
  });

  it("probe liveness at /healthz and readiness at /readyz in every service Deployment", () => {
    for (const name of [...SUBGRAPH_LIST.map((s) => s.name), "gateway"]) {
      const [container] = workload(name).template.spec!.containers;
      expect([container.livenessProbe?.httpGet, container.readinessProbe?.httpGet, container.startupProbe?.httpGet]).toEqual([
        { path: "/healthz", port: "http" },
        { path: "/readyz", port: "http" },
        { path: "/healthz", port: "http" },
      ]);
      expect(container.ports?.map((port) => port.name)).toEqual(["http"]);
    }
  });

  it("tell Prometheus where each service Deployment serves /metrics", () => {
    for (const name of [...SUBGRAPH_LIST.map((s) => s.name), "gateway"]) {
      const port = workload(name).template.spec!.containers[0].ports![0].containerPort;
      expect(workload(name).template.metadata?.annotations).toEqual({
        "prometheus.io/scrape": "true",
        "prometheus.io/port": String(port),
        "prometheus.io/path": "/metrics",
      });
    }
  });

  it("give every container CPU and memory requests and limits", () => {
    for (const { name, template } of workloads) {
      for (const { resources } of template.spec!.containers) {
        expect({ name, requests: Object.keys(resources?.requests ?? {}), limits: Object.keys(resources?.limits ?? {}) }).toEqual({
          name,
          requests: ["cpu", "memory"],
          limits: ["cpu", "memory"],
        });
      }
    }
  });

  it("run as a non-root user, on a read-only root filesystem, without privileges or a service account token", () => {
    for (const { name, template } of workloads) {
      const pod = template.spec!;
      expect({ name, runAsNonRoot: pod.securityContext?.runAsNonRoot, token: pod.automountServiceAccountToken }).toEqual({
        name,
        runAsNonRoot: true,
        token: false,
      });
      expect(pod.securityContext?.runAsUser).toBeGreaterThan(0);
      expect(pod.securityContext?.seccompProfile).toEqual({ type: "RuntimeDefault" });
      for (const container of pod.containers) {
        expect({ name, ...container.securityContext }).toEqual({
          name,
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ["ALL"] },
        });
      }
    }
  });

  it("give each subgraph its own command, port and database Secret, and no other agency's", () => {
    for (const subgraph of SUBGRAPH_LIST) {
      const [container] = workload(subgraph.name).template.spec!.containers;
      expect(container.command).toEqual(["node", ...SUBGRAPH_NODE_FLAGS[subgraph.name], "dist/subgraphs/bin.js", subgraph.name]);
      expect(container.ports?.[0].containerPort).toBe(subgraph.defaultPort);
      const env = envOf(subgraph.name);
      expect(env.find((variable) => variable.name === "PORT")?.value).toBe(String(subgraph.defaultPort));
      const secrets = env.flatMap((variable) => {
        const ref = variable.valueFrom?.secretKeyRef;
        return ref ? [`${variable.name}=${ref.name}/${ref.key}`] : [];
      });
      expect(secrets).toEqual([`DATABASE_URL=${subgraph.name}-db/DATABASE_URL`, "GATEWAY_SECRET=njsp-gateway/GATEWAY_SECRET"]);
    }
  });

  it("point the gateway at each subgraph's Service, whose selector and port reach that subgraph's pods", () => {
    const env = envOf("gateway");
    for (const subgraph of SUBGRAPH_LIST) {
      const url = new URL(env.find((variable) => variable.name === subgraphVariable(subgraph, "URL"))?.value ?? "");
      expect([url.hostname, Number(url.port), url.pathname]).toEqual([subgraph.name, subgraph.defaultPort, "/graphql"]);
      const service = specs("v1/Service").find((s) => s.metadata.name === subgraph.name)!;
      expect(service.raw.spec.ports).toEqual([{ name: "http", port: subgraph.defaultPort, targetPort: "http" }]);
      expect(workloads.filter((w) => selects({ matchLabels: service.raw.spec.selector }, w.labels)).map((w) => w.name)).toEqual([
        subgraph.name,
      ]);
    }
  });

  it("route every Service to exactly one workload", () => {
    for (const service of specs("v1/Service")) {
      const targets = workloads.filter((w) => selects({ matchLabels: service.raw.spec.selector }, w.labels)).map((w) => w.name);
      expect({ service: service.metadata.name, targets }).toEqual({ service: service.metadata.name, targets: [service.metadata.name] });
    }
  });

  it("scale the gateway Deployment, and only it, by CPU from two replicas", () => {
    const [hpa] = specs("autoscaling/v2/HorizontalPodAutoscaler");
    expect(hpa.raw.spec.scaleTargetRef).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: "gateway" });
    expect(hpa.raw.spec.minReplicas).toBe(2);
    expect(hpa.raw.spec.maxReplicas).toBeGreaterThan(hpa.raw.spec.minReplicas);
    expect(hpa.raw.spec.metrics).toEqual([
      { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } },
    ]);
  });

  it("keep one pod of each service Deployment through voluntary disruptions", () => {
    for (const pdb of specs("policy/v1/PodDisruptionBudget")) {
      const covered = workloads.filter((w) => selects(pdb.raw.spec.selector, w.labels)).map((w) => w.name);
      expect({ pdb: pdb.metadata.name, covered, minAvailable: pdb.raw.spec.minAvailable }).toEqual({
        pdb: pdb.metadata.name,
        covered: [pdb.metadata.name],
        minAvailable: 1,
      });
      const replicas = specs("apps/v1/Deployment").find((d) => d.metadata.name === pdb.metadata.name)!.raw.spec.replicas;
      expect(replicas).toBeGreaterThan(1);
    }
  });

  it("send every subgraph's events through the NATS Service, and let the others find job-centers", () => {
    const nats = specs("v1/Service").find((s) => s.metadata.name === "nats")!;
    expect(nats.raw.spec.ports).toEqual([{ name: "client", port: 4222, targetPort: "client" }]);
    for (const subgraph of SUBGRAPH_LIST) {
      const env = Object.fromEntries(envOf(subgraph.name).map((variable) => [variable.name, variable.value]));
      const url = new URL(env.NATS_URL ?? "");
      expect([url.protocol, url.hostname, Number(url.port)]).toEqual(["nats:", "nats", 4222]);
      expect(env.NATS_STREAM).toBe("NJSP_EVENTS");
      // with the broker, never the embedded mode's direct delivery between services
      expect(env.EVENT_PEERS).toBeUndefined();
      expect(env.JOB_CENTERS_URL).toBe(subgraph.name === "job-centers" ? undefined : "http://job-centers:4001/graphql");
    }
  });

  it("give the gateway, and nothing else, Redis through its Secret", () => {
    const redisUsers = workloads.filter((w) => w.template.spec!.containers.some((c) => c.env?.some((v) => v.name === "REDIS_URL")));
    expect(redisUsers.map((w) => w.name)).toEqual(["gateway"]);
    expect(envOf("gateway").find((variable) => variable.name === "REDIS_URL")?.valueFrom).toEqual({
      secretKeyRef: { name: "njsp-redis", key: "REDIS_URL" },
    });
    const redis = specs("apps/v1/Deployment").find((d) => d.metadata.name === "redis")!;
    const [container] = redis.raw.spec.template.spec.containers;
    // the password comes from the same Secret, and nothing is written to disk
    expect(container.env).toEqual([{ name: "REDIS_PASSWORD", valueFrom: { secretKeyRef: { name: "njsp-redis", key: "REDIS_PASSWORD" } } }]);
    expect(container.command).toEqual(expect.arrayContaining(["--requirepass", "$(REDIS_PASSWORD)", "--save", "", "--appendonly", "no"]));
  });

  it("keep the broker's JetStream store on a volume of its own", () => {
    const nats = specs("apps/v1/StatefulSet").find((s) => s.metadata.name === "nats")!;
    const [container] = nats.raw.spec.template.spec.containers;
    expect(container.command).toEqual(["nats-server", "--jetstream", "--store_dir", "/data", "--http_port", "8222"]);
    expect(container.volumeMounts).toEqual([{ name: "data", mountPath: "/data" }]);
    expect(nats.raw.spec.volumeClaimTemplates.map((claim: { metadata: { name: string } }) => claim.metadata.name)).toEqual(["data"]);
  });
});
