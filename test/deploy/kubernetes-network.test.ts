import { SUBGRAPH_LIST } from "@subgraphs/registry";
import { readManifests, selects, workloadsOf, type Workload } from "./support/kubernetes-manifests";

const manifests = readManifests();
const workloads = workloadsOf(manifests);
const agencies = SUBGRAPH_LIST.map((subgraph) => subgraph.name);

interface Peer {
  podSelector?: Parameters<typeof selects>[0];
  namespaceSelector?: { matchLabels?: Record<string, string> };
}
interface Rule {
  from?: Peer[];
  to?: Peer[];
  ports?: { port: number | string }[];
}
interface Policy {
  name: string;
  podSelector: { matchLabels?: Record<string, string> };
  policyTypes: ("Ingress" | "Egress")[];
  ingress?: Rule[];
  egress?: Rule[];
}
const policies: Policy[] = manifests
  .filter((m) => m.kind === "networking.k8s.io/v1/NetworkPolicy")
  .map((m) => ({ name: m.metadata.name as string, ...(m.raw as { spec: Omit<Policy, "name"> }).spec }));

/**
 * Who may open a connection to (ingress) or from (egress) a workload's pods, as the policies that select them allow:
 * the workloads of this namespace by name, a peer in another namespace as `namespace/pod labels` (`*`: any pod), and a rule naming
 * no peer as `anywhere:<ports>`. Policies add up; a pod that no policy of that direction selects is not isolated.
 */
function reachable(workload: Workload, direction: "Ingress" | "Egress"): string[] {
  const applying = policies.filter((p) => p.policyTypes.includes(direction) && selects(p.podSelector, workload.labels));
  if (applying.length === 0) return ["not isolated"];
  const peers = applying.flatMap(
    (policy) =>
      (direction === "Ingress" ? policy.ingress : policy.egress)?.flatMap((rule) => {
        const ruled = direction === "Ingress" ? rule.from : rule.to;
        if (!ruled) return [`anywhere:${rule.ports?.map((p) => p.port).join(",")}`];
        return ruled.flatMap((peer) => {
          if (peer.namespaceSelector) {
            const labels = Object.values(peer.podSelector?.matchLabels ?? {}).join(",") || "*";
            return [`${peer.namespaceSelector.matchLabels?.["kubernetes.io/metadata.name"]}/${labels}`];
          }
          return workloads.filter((other) => selects(peer.podSelector, other.labels)).map((other) => other.name);
        });
      }) ?? [],
  );
  return [...new Set(peers)].sort();
}

const named = (name: string) => workloads.find((w) => w.name === name)!;

/** Whether a rule's port (a number, or a name of the destination's container ports) is `port` of `target`. */
function portMatches(rule: Rule, port: number, target: Workload): boolean {
  if (!rule.ports) return true;
  const named = target.template.spec!.containers.flatMap((c) => c.ports ?? []);
  return rule.ports.some((p) => p.port === port || named.some((n) => n.name === p.port && n.containerPort === port));
}

/** Whether one side's policies let this connection through (a side no policy of that direction selects is open). */
function allows(side: Workload, direction: "Ingress" | "Egress", peer: Workload, port: number, target: Workload): boolean {
  const applying = policies.filter((p) => p.policyTypes.includes(direction) && selects(p.podSelector, side.labels));
  if (applying.length === 0) return true;
  return applying.some((policy) =>
    ((direction === "Ingress" ? policy.ingress : policy.egress) ?? []).some((rule) => {
      const peers = direction === "Ingress" ? rule.from : rule.to;
      // a peer in another namespace never selects a pod of this one
      const peerOk = !peers || peers.some((p) => !p.namespaceSelector && selects(p.podSelector, peer.labels));
      return peerOk && portMatches(rule, port, target);
    }),
  );
}

/**
 * Which of the namespace's workloads can open a connection to `target` on `port`: the source's egress and the
 * target's ingress must both allow it, as a network plugin that enforces NetworkPolicies decides.
 */
function whoReaches(target: string, port: number): string[] {
  const to = named(target);
  return workloads
    .filter((from) => from !== to && allows(from, "Egress", to, port, to) && allows(to, "Ingress", from, port, to))
    .map((from) => from.name)
    .sort();
}

describe("deploy/k8s network policies", () => {
  it("deny every connection in the namespace unless a policy allows it", () => {
    expect(policies.find((p) => p.name === "default-deny")).toEqual({
      name: "default-deny",
      podSelector: {},
      policyTypes: ["Ingress", "Egress"],
    });
  });

  it("let only the gateway reach each subgraph, on its port (and Prometheus scrape it); job-centers also the other agencies", () => {
    for (const subgraph of SUBGRAPH_LIST) {
      const askers = subgraph.name === "job-centers" ? agencies.filter((name) => name !== "job-centers") : [];
      expect(reachable(named(subgraph.name), "Ingress")).toEqual(["gateway", ...askers, "monitoring/prometheus"].sort());
      const own = policies.find((p) => p.name === subgraph.name)!;
      expect(own.ingress).toHaveLength(1);
      expect(own.ingress![0].ports).toEqual([{ protocol: "TCP", port: subgraph.defaultPort }]);
      expect(own.ingress![0].from![0]).toEqual({ podSelector: { matchLabels: { "app.kubernetes.io/name": "gateway" } } });
      // the label the policy names is the gateway's own
      expect(selects(own.ingress![0].from![0].podSelector, named("gateway").labels)).toBe(true);
    }
  });

  it("let exactly these workloads connect to each other's ports: events via NATS, the gateway's Redis, one call to job-centers", () => {
    const others = agencies.filter((name) => name !== "job-centers");
    // only the subgraphs publish and consume the agencies' events
    expect(whoReaches("nats", 4222)).toEqual([...agencies].sort());
    // only the gateway shares rate limits and report answers
    expect(whoReaches("redis", 6379)).toEqual(["gateway"]);
    // the agencies never call each other, but to ask job-centers whether it knows a participant (ask-owner.ts)
    expect(whoReaches("job-centers", 4001)).toEqual(["gateway", ...others].sort());
    for (const subgraph of SUBGRAPH_LIST.filter((s) => s.name !== "job-centers")) {
      expect({ subgraph: subgraph.name, from: whoReaches(subgraph.name, subgraph.defaultPort) }).toEqual({
        subgraph: subgraph.name,
        from: ["gateway"],
      });
    }
    for (const name of agencies)
      expect({ db: name, from: whoReaches(`${name}-db`, 5432) }).toEqual({ db: name, from: [name, "setup"].sort() });
    expect(whoReaches("gateway", 4000)).toEqual([]); // clients come from the ingress controller's namespace only
    // and nothing else: no other port of the broker, the cache or a subgraph is open to anyone in the namespace
    expect(whoReaches("nats", 8222)).toEqual([]);
    expect(whoReaches("job-centers", 4222)).toEqual([]);
  });

  it("let the broker and the cache be reached only as above, and reach nothing but DNS", () => {
    expect(reachable(named("nats"), "Ingress")).toEqual([...agencies].sort());
    expect(reachable(named("redis"), "Ingress")).toEqual(["gateway"]);
    for (const name of ["nats", "redis"]) expect(reachable(named(name), "Egress")).toEqual(["kube-system/kube-dns"]);
  });

  it("let only each agency's subgraph, and the setup job, reach that agency's database", () => {
    for (const name of agencies) expect(reachable(named(`${name}-db`), "Ingress")).toEqual([name, "setup"].sort());
  });

  it("let each subgraph reach its own database and no other, NATS, job-centers (the others), DNS and the identity provider over HTTPS", () => {
    for (const name of agencies) {
      const owner = name === "job-centers" ? [] : ["job-centers"];
      expect(reachable(named(name), "Egress")).toEqual([`${name}-db`, "nats", ...owner, "anywhere:443", "kube-system/kube-dns"].sort());
    }
  });

  it("let the gateway reach the four subgraphs and be reached from the ingress controller", () => {
    expect(reachable(named("gateway"), "Egress")).toEqual([...agencies, "redis", "anywhere:443", "kube-system/kube-dns"].sort());
    expect(reachable(named("gateway"), "Ingress")).toEqual(["ingress-nginx/*", "monitoring/prometheus"]);
  });

  it("let the databases and the setup job reach nothing beyond DNS and, for setup, the four databases", () => {
    for (const name of agencies) expect(reachable(named(`${name}-db`), "Egress")).toEqual(["kube-system/kube-dns"]);
    expect(reachable(named("setup"), "Egress")).toEqual([...agencies.map((name) => `${name}-db`), "kube-system/kube-dns"].sort());
    expect(reachable(named("setup"), "Ingress")).toEqual([]);
  });
});
