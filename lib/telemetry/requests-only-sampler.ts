import { SpanKind } from "@opentelemetry/api";
import { SamplingDecision, type Sampler, type SamplingResult } from "@opentelemetry/sdk-trace-node";

/**
 * Samples a span without a parent only when it is a server span: every trace then begins with a request this
 * service received. Work outside requests (start-up, timers) leaves no trace; used as the root sampler of a
 * ParentBasedSampler, so spans inside a sampled request are all kept.
 */
export class RequestsOnlySampler implements Sampler {
  shouldSample(_context: unknown, _traceId: string, _name: string, kind: SpanKind): SamplingResult {
    return { decision: kind === SpanKind.SERVER ? SamplingDecision.RECORD_AND_SAMPLED : SamplingDecision.NOT_RECORD };
  }

  toString(): string {
    return "RequestsOnlySampler";
  }
}
