import { SUBGRAPH_LIST } from "@subgraphs/registry";
import { readManifests, selects, workloadsOf, type Workload } from "./support/kubernetes-manifests";

const manifests = readManifests();
const workloads = workloadsOf(manifests);
const agencies = SUBGRAPH_LIST.map((subgraph) => subgraph.name);

interface Peer {
  podSelector?: { matchLabels?: Record<string, string> };
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

describe("deploy/k8s network policies", () => {
  it("deny every connection in the namespace unless a policy allows it", () => {
    expect(policies.find((p) => p.name === "default-deny")).toEqual({
      name: "default-deny",
      podSelector: {},
      policyTypes: ["Ingress", "Egress"],
    });
  });

  it("let only the gateway reach each subgraph, on its port (and Prometheus scrape it)", () => {
    for (const subgraph of SUBGRAPH_LIST) {
      expect(reachable(named(subgraph.name), "Ingress")).toEqual(["gateway", "monitoring/prometheus"]);
      const own = policies.find((p) => p.name === subgraph.name)!;
      expect(own.ingress).toEqual([
        {
          from: [{ podSelector: { matchLabels: { "app.kubernetes.io/name": "gateway" } } }],
          ports: [{ protocol: "TCP", port: subgraph.defaultPort }],
        },
      ]);
      // the label the policy names is the gateway's own
      expect(selects(own.ingress![0].from![0].podSelector, named("gateway").labels)).toBe(true);
    }
  });

  it("let only each agency's subgraph, and the setup job, reach that agency's database", () => {
    for (const name of agencies) expect(reachable(named(`${name}-db`), "Ingress")).toEqual([name, "setup"].sort());
  });

  it("let each subgraph reach its own database and no other, DNS and the identity provider over HTTPS", () => {
    for (const name of agencies)
      expect(reachable(named(name), "Egress")).toEqual([`${name}-db`, "anywhere:443", "kube-system/kube-dns"].sort());
  });

  it("let the gateway reach the four subgraphs and be reached from the ingress controller", () => {
    expect(reachable(named("gateway"), "Egress")).toEqual([...agencies, "anywhere:443", "kube-system/kube-dns"].sort());
    expect(reachable(named("gateway"), "Ingress")).toEqual(["ingress-nginx/*", "monitoring/prometheus"]);
  });

  it("let the databases and the setup job reach nothing beyond DNS and, for setup, the four databases", () => {
    for (const name of agencies) expect(reachable(named(`${name}-db`), "Egress")).toEqual(["kube-system/kube-dns"]);
    expect(reachable(named("setup"), "Egress")).toEqual([...agencies.map((name) => `${name}-db`), "kube-system/kube-dns"].sort());
    expect(reachable(named("setup"), "Ingress")).toEqual([]);
  });
});
