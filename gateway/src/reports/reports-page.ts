import path from "node:path";
import express, { type RequestHandler, type Router } from "express";
import { parse, print } from "graphql";
import { PROJECT_ROOT } from "@lib/config/paths";
import { breakdownLabels } from "./breakdown-labels";
import { PROGRAM_BREAKDOWN } from "./program-breakdown.operation";

/** The page's own files (HTML, script, style): plain browser files, served as they are (the image copies the folder). */
export const REPORTS_PAGE_DIR = path.join(PROJECT_ROOT, "gateway", "reports-page");

/**
 * Chart.js's self-contained build, from the installed package: the page loads it from the gateway, never a CDN
 * (the networks are closed). Its package exports only its modules, so the file is found beside the main one.
 */
export const CHART_JS_FILE = path.join(path.dirname(require.resolve("chart.js")), "chart.umd.min.js");

/**
 * Only this origin, for everything: the page's script and style are files of the gateway (no inline code at all),
 * its data comes from `/graphql` and the CSV route, and the chart draws on a canvas.
 */
export const REPORTS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join("; ");

/**
 * What the page needs from the server, in one file: the operation it sends to `/graphql` (as printed, which is how
 * the contract's safelist registers it, so the page works on a gateway started with `SAFELIST=true`) and the words
 * its table, chart and pickers use (the CSV's own).
 */
const pageConfig = () => JSON.stringify({ operation: print(parse(PROGRAM_BREAKDOWN)), ...breakdownLabels() });

const PAGE_HEADERS = {
  "Content-Security-Policy": REPORTS_CSP,
  "X-Content-Type-Options": "nosniff",
  // revalidate every time (a 304 thanks to the validators) so an upgraded gateway never serves a stale page
  "Cache-Control": "no-cache",
};

/** `GET /reports` and its assets under `/reports/assets/`: a static page; the reader's token never reaches the server but with requests. */
export function reportsPage(): { page: RequestHandler; assets: Router } {
  let config: string | undefined;
  const assets = express.Router();
  assets.get("/breakdown.json", (_req, res) => {
    res
      .set(PAGE_HEADERS)
      .type("application/json")
      .send((config ??= pageConfig()));
  });
  assets.get("/chart.umd.min.js", (_req, res, next) => {
    res.set(PAGE_HEADERS).sendFile(CHART_JS_FILE, (error) => error && next(error));
  });
  assets.use(
    express.static(REPORTS_PAGE_DIR, {
      index: false,
      dotfiles: "deny",
      setHeaders: (res) => Object.entries(PAGE_HEADERS).forEach(([k, v]) => res.setHeader(k, v)),
    }),
  );
  const page: RequestHandler = (_req, res, next) => {
    res.set(PAGE_HEADERS).sendFile(path.join(REPORTS_PAGE_DIR, "index.html"), (error) => error && next(error));
  };
  return { page, assets };
}
