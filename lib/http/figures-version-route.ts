import type { RequestHandler } from "express";
import type { DataSource } from "typeorm";
import { READ_FIGURES_VERSION } from "@lib/db/figures-version";

/** What `GET /figures-version` answers: this subgraph's figures version, as a decimal string (a bigint). */
export interface FiguresVersionAnswer {
  version: string;
}

/**
 * `GET /figures-version`: the gateway asks it before serving a cached report (gateway/src/figures-versions.ts). Open
 * like `/health`: a counter that says when figures changed reveals nothing about anyone. One primary-key read.
 */
export function figuresVersionRoute(dataSource: DataSource): RequestHandler {
  return (_req, res, next) => {
    dataSource.query<{ version: string }[]>(READ_FIGURES_VERSION).then(([row]) => {
      const answer: FiguresVersionAnswer = { version: row.version };
      res.set("Cache-Control", "no-store").json(answer);
    }, next);
  };
}
