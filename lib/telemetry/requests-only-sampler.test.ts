import { ROOT_CONTEXT, SpanKind } from "@opentelemetry/api";
import { SamplingDecision } from "@opentelemetry/sdk-trace-node";
import { RequestsOnlySampler } from "./requests-only-sampler";

it("starts a trace at a server span only", () => {
  const sampler = new RequestsOnlySampler();
  const decision = (kind: SpanKind) => sampler.shouldSample(ROOT_CONTEXT, "0af7651916cd43dd8448eb211c80319c", "span", kind).decision;
  expect(decision(SpanKind.SERVER)).toBe(SamplingDecision.RECORD_AND_SAMPLED);
  expect(decision(SpanKind.INTERNAL)).toBe(SamplingDecision.NOT_RECORD);
  expect(decision(SpanKind.CLIENT)).toBe(SamplingDecision.NOT_RECORD);
});
