import { SUBGRAPH_LIST } from "@subgraphs/registry";
import { kustomizationResources, manifestFiles, readManifests, validated, type Manifest } from "./support/kubernetes-manifests";

const manifests = readManifests();
const agencies = SUBGRAPH_LIST.map((subgraph) => subgraph.name);
const names = (kind: string) => manifests.filter((m) => m.kind === kind).map((m) => m.metadata.name);

describe("deploy/k8s", () => {
  it("lists every manifest file in kustomization.yaml, once", () => {
    const listed = kustomizationResources();
    expect([...listed].sort()).toEqual(manifestFiles());
    expect(new Set(listed).size).toBe(listed.length);
  });

  it("is valid against the Kubernetes API's schemas, resource by resource", () => {
    const invalid = manifests.flatMap((manifest) => {
      try {
        validated(manifest);
        return [];
      } catch (error) {
        return [`${manifest.file} ${manifest.kind} ${manifest.metadata.name}: ${(error as Error).message}`];
      }
    });
    expect(invalid).toEqual([]);
  });

  it("is checked for real: a port given as text, a probe without a handler's port and an unknown kind fail", () => {
    const gateway = manifests.find((m) => m.kind === "apps/v1/Deployment" && m.metadata.name === "gateway") as Manifest;
    const broken = structuredClone(gateway);
    (broken.raw as any).spec.template.spec.containers[0].ports[0].containerPort = "4000";
    expect(() => validated(broken)).toThrow(/containerPort must be integer/);
    const noPort = structuredClone(gateway);
    delete (noPort.raw as any).spec.template.spec.containers[0].livenessProbe.httpGet.port;
    expect(() => validated(noPort)).toThrow("livenessProbe/httpGet must have required property port");
    expect(() => validated({ ...gateway, kind: "apps/v1beta1/Deployment" })).toThrow("no model for apps/v1beta1/Deployment");
  });

  it("holds the whole platform: per agency a subgraph, its database and its secret; the gateway; the setup job; NATS and Redis", () => {
    expect(names("apps/v1/Deployment")).toEqual(["redis", ...agencies, "gateway"]);
    expect(names("apps/v1/StatefulSet")).toEqual([...agencies.map((name) => `${name}-db`), "nats"]);
    expect(names("batch/v1/Job")).toEqual(["setup"]);
    expect(names("v1/Service")).toEqual([...agencies.map((name) => `${name}-db`), "nats", "redis", ...agencies, "gateway"]);
    expect(names("v1/Secret")).toEqual(["njsp-gateway", ...agencies.map((name) => `${name}-db`), "njsp-redis"]);
    expect(names("autoscaling/v2/HorizontalPodAutoscaler")).toEqual(["gateway"]);
    expect(names("policy/v1/PodDisruptionBudget")).toEqual([...agencies, "gateway"]);
    expect(names("v1/Namespace")).toEqual(["njsp"]);
  });

  it("keeps only placeholders in its Secrets, as stringData, for the secret manager to replace", () => {
    for (const secret of manifests.filter((m) => m.kind === "v1/Secret")) {
      const { data, stringData } = secret.raw as { data?: unknown; stringData: Record<string, string> };
      expect(data).toBeUndefined();
      for (const [key, value] of Object.entries(stringData)) expect(`${secret.metadata.name}.${key} ${value}`).toMatch(/ .*change-me/);
    }
  });
});
