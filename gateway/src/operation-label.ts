/** A name Prometheus may carry as a label value: a GraphQL name of at most 64 characters. */
const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** The label of a request whose operation has no name, or whose operation was never known (a refused body). */
export const ANONYMOUS_OPERATION = "anonymous";
/** The label of every operation name beyond the first {@link DEFAULT_MAX_OPERATIONS}, or not a plain name. */
export const OTHER_OPERATION = "other";
/** The contract has eight operations; room for every client's own, far below what would strain Prometheus. */
export const DEFAULT_MAX_OPERATIONS = 100;

/**
 * Operation names as metric labels. A client chooses its operation's name, so labelling series by it as given
 * would let any client create series without end (each a few KB in Prometheus, forever): the first
 * `maxOperations` distinct names are kept, any later one is `other`, as is any name that is not a plain identifier.
 */
export class OperationLabels {
  private readonly seen = new Set<string>();

  constructor(private readonly maxOperations = DEFAULT_MAX_OPERATIONS) {}

  label(name: string | null | undefined): string {
    if (!name) return ANONYMOUS_OPERATION;
    if (!LABEL_NAME.test(name)) return OTHER_OPERATION;
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.maxOperations) return OTHER_OPERATION;
    this.seen.add(name);
    return name;
  }
}
