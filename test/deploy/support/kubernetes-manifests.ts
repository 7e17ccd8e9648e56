import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ConfigMap, Namespace, Secret, Service } from "kubernetes-models/v1";
import { Deployment, StatefulSet } from "kubernetes-models/apps/v1";
import { Job } from "kubernetes-models/batch/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1";
import { parseAllDocuments } from "yaml";
import { PROJECT_ROOT } from "@lib/config/paths";

type IObjectMeta = NonNullable<Deployment["metadata"]>;
type ILabelSelector = NonNullable<Deployment["spec"]>["selector"];

export const K8S_DIR = path.join(PROJECT_ROOT, "deploy", "k8s");

/**
 * The kinds deploy/k8s uses, each with its model from kubernetes-models (generated from the Kubernetes API's
 * OpenAPI schemas; `validate()` checks a resource against its schema). Version 4: version 5 is ES modules only and
 * needs Node 22. A kind missing here fails the test rather than going unchecked.
 */
const MODELS = {
  "v1/Namespace": Namespace,
  "v1/ConfigMap": ConfigMap,
  "v1/Secret": Secret,
  "v1/Service": Service,
  "apps/v1/Deployment": Deployment,
  "apps/v1/StatefulSet": StatefulSet,
  "batch/v1/Job": Job,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
  "networking.k8s.io/v1/NetworkPolicy": NetworkPolicy,
} as const;

type Models = typeof MODELS;
export type Kind = keyof Models;
/** A resource as its model class types it. */
export type Resource<K extends Kind = Kind> = InstanceType<Models[K]>;

export interface Manifest {
  file: string;
  /** `<apiVersion>/<kind>` */
  kind: string;
  metadata: IObjectMeta;
  raw: Record<string, unknown>;
}

/** The files kustomization.yaml lists, in its order. */
export function kustomizationResources(): string[] {
  const [document] = parseAllDocuments(readFileSync(path.join(K8S_DIR, "kustomization.yaml"), "utf8"));
  return (document.toJS() as { resources: string[] }).resources;
}

/** Every YAML file under deploy/k8s but the kustomization, relative to it. */
export function manifestFiles(dir = K8S_DIR): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".yaml") && file !== "kustomization.yaml")
    .sort();
}

/** Each YAML document of the listed files; a syntax error in any of them throws. */
export function readManifests(): Manifest[] {
  return kustomizationResources().flatMap((file) =>
    parseAllDocuments(readFileSync(path.join(K8S_DIR, file), "utf8")).map((document) => {
      if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0].message}`);
      const raw = document.toJS() as Record<string, unknown> & { apiVersion: string; kind: string; metadata: IObjectMeta };
      return { file, kind: `${raw.apiVersion}/${raw.kind}`, metadata: raw.metadata, raw };
    }),
  );
}

/** The manifest as its model, validated against the Kubernetes schema (throws on the first violation). */
export function validated(manifest: Manifest): Resource {
  const Model = MODELS[manifest.kind as Kind] as unknown as new (data: unknown) => Resource;
  if (!Model) throw new Error(`${manifest.file}: no model for ${manifest.kind}`);
  const resource = new Model(manifest.raw);
  resource.validate();
  return resource;
}

/** Whether a label selector selects these labels (matchLabels and the `In` / `Exists` expressions). */
export function selects(selector: ILabelSelector | undefined, labels: Record<string, string> = {}): boolean {
  const byLabel = Object.entries(selector?.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const byExpression = (selector?.matchExpressions ?? []).every((expression) => {
    if (expression.operator === "In") return (expression.values ?? []).includes(labels[expression.key]);
    if (expression.operator === "Exists") return expression.key in labels;
    throw new Error(`selector operator ${expression.operator} is not understood by this test`);
  });
  return byLabel && byExpression;
}

type PodTemplate = NonNullable<Deployment["spec"]>["template"];

/** What runs pods (Deployments, StatefulSets, Jobs): its name, kind, selector and pod template. */
export interface Workload {
  name: string;
  kind: string;
  selector: ILabelSelector | undefined;
  template: PodTemplate;
  labels: Record<string, string>;
}

export function workloadsOf(manifests: Manifest[]): Workload[] {
  return manifests.flatMap((manifest) => {
    if (!["apps/v1/Deployment", "apps/v1/StatefulSet", "batch/v1/Job"].includes(manifest.kind)) return [];
    const spec = (manifest.raw as { spec: { selector?: ILabelSelector; template: PodTemplate } }).spec;
    const labels = spec.template.metadata?.labels ?? {};
    return [{ name: manifest.metadata.name as string, kind: manifest.kind, selector: spec.selector, template: spec.template, labels }];
  });
}
