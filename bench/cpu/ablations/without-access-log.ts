import { endingIn, swapOnLoad } from "./swap-on-load";

/**
 * A preload (`node --require`) for `npm run measure:cpu -- … --without access-log`, never for a running platform:
 * every subgraph's access-log writer stores nothing and answers at once, so that a measurement can tell the log's
 * share of a request's CPU (the subgraphs' entries and PostgreSQL's appends) from the rest.
 */
swapOnLoad(endingIn("access-log-writer"), (loaded) => ({
  ...loaded,
  createAccessLogWriter: () => ({ append: () => Promise.resolve() }),
}));
