import { RemoteGraphQLDataSource } from "@apollo/gateway";
import { subgraphUnavailableError } from "./errors";
import type { Fetcher } from "./subgraph-fetcher";

/** How a subgraph call ended, for metrics. */
export type SubgraphOutcome = "ok" | "graphql_errors" | "unavailable";

/** Options of {@link AgencyDataSource}. */
export interface AgencyDataSourceOptions {
  /** The subgraph's name in the supergraph (`job-centers`, …), used in errors, logs and metrics. */
  serviceName: string;
  url: string;
  fetcher: Fetcher;
  /** Timeout the fetcher applies, quoted in the timeout error message. */
  timeoutMs: number;
  /** Called once per subgraph call with its duration. */
  onCallEnd?: (serviceName: string, outcome: SubgraphOutcome, seconds: number) => void;
  /** Where failures are logged; default console.warn. */
  log?: (message: string) => void;
}

/** Failures of one subgraph are logged at most this often, so an outage does not flood the log with one line per query. */
const LOG_INTERVAL_MS = 10_000;

/**
 * A RemoteGraphQLDataSource that turns a failed call (connection refused, timeout, 5xx, unreadable body) into a
 * SUBGRAPH_UNAVAILABLE error naming the agency. Apollo Gateway would otherwise report the raw fetch error, whose
 * message holds the subgraph's URL and says nothing about which agency is missing.
 */
export class AgencyDataSource extends RemoteGraphQLDataSource {
  private readonly agency: AgencyDataSourceOptions;
  private lastLoggedAt = 0;
  private suppressed = 0;

  constructor(options: AgencyDataSourceOptions) {
    super({ url: options.url, fetcher: options.fetcher });
    this.agency = options;
  }

  override async process(options: Parameters<RemoteGraphQLDataSource["process"]>[0]): ReturnType<RemoteGraphQLDataSource["process"]> {
    const started = process.hrtime.bigint();
    const end = (outcome: SubgraphOutcome) =>
      this.agency.onCallEnd?.(this.agency.serviceName, outcome, Number(process.hrtime.bigint() - started) / 1e9);
    try {
      const response = await super.process(options);
      end(response.errors?.length ? "graphql_errors" : "ok");
      return response;
    } catch (error) {
      end("unavailable");
      throw error;
    }
  }

  // RemoteGraphQLDataSource calls this for every failure of the HTTP exchange; what it throws replaces the error.
  override didEncounterError(error: Error): void {
    this.logFailure(error);
    throw subgraphUnavailableError(this.agency.serviceName, error, this.agency.timeoutMs);
  }

  private logFailure(error: Error): void {
    const now = Date.now();
    if (now - this.lastLoggedAt < LOG_INTERVAL_MS) {
      this.suppressed++;
      return;
    }
    const more = this.suppressed ? ` (${this.suppressed} more failures since the last report)` : "";
    this.lastLoggedAt = now;
    this.suppressed = 0;
    (this.agency.log ?? console.warn)(`[gateway] subgraph ${this.agency.serviceName} at ${this.url} failed: ${error.message}${more}`);
  }
}
