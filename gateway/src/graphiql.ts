import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gunzipSync, gzip } from "node:zlib";
import type { RequestHandler } from "express";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";

type GraphiQLOptions = NonNullable<Parameters<typeof renderGraphiQL>[0]>;

export const GRAPHIQL_TITLE = "국민취업지원제도 GraphiQL";

// The examples are operations of the client contract (test/contract/operations.graphql), so they stay valid.
// Their variables have defaults because GraphiQL 5 leaves the variables editor of the first tab empty on first load
// (it ignores `defaultTabs[0].variables`): with defaults, Ctrl-Enter works straight away.
const REGION_DIRECTORY = `# Every agency's offices in one region.
# 28 is 인천광역시 (Incheon); 11 is 서울특별시 (Seoul).
# Ctrl-Enter runs the query, Ctrl-Space completes names,
# and the Docs panel (top left) lists the whole schema.
query RegionDirectory($code: String! = "28") {
  region(code: $code) {
    code
    name
    employmentCenters {
      id
      name
      address
      parent { id name }
    }
    localJobCenters { id name }
    saeilCenters { id name }
    welfarePartners { id name kind }
  }
}
`;

const PROGRAM_REPORT = `# The national report for a year: one row per region,
# each row assembled from all four agencies.
# Reports and people need a token: paste the JSON that npm start
# printed ({"Authorization": "Bearer …"}) into the Headers tab below.
query ProgramReport($year: Int! = 2022) {
  programReport(year: $year) {
    year
    regions {
      region { code name }
      applicants
      participantsStarted
      employed
      placementEmployments
      workExperienceCompanies
      allowancePaidWon
      outreachDiscovered
      linkedByLocalCenters
      saeilEnrollments
      saeilCompletions
      welfareReferrals
      welfareReferralsResolved
    }
  }
}
`;

const NEW_TAB_QUERY = `# 국민취업지원제도: one graph over the employment centers,
# local government job centers, women's reemployment centers
# (새일센터) and welfare partners. Ctrl-Space lists what you can ask.
# Offices are public; people and reports need a token (Headers tab).
query EmploymentCenters {
  employmentCenters(regionCode: "11") {
    id
    name
    address
    region { code name }
  }
}
`;

/** The options GraphiQL is rendered with: our title, the example tabs, and nothing that reaches outside. */
export const GRAPHIQL_OPTIONS: GraphiQLOptions = {
  title: GRAPHIQL_TITLE,
  defaultQuery: NEW_TAB_QUERY,
  defaultTabs: [{ query: REGION_DIRECTORY }, { query: PROGRAM_REPORT }],
  shouldPersistHeaders: false,
};

/**
 * Belt and braces for air-gapped networks: the page inlines every script, style, worker and icon, and this policy
 * makes the browser refuse anything from another origin should a future GraphiQL version try.
 */
export const GRAPHIQL_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' blob:",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'self'",
].join("; ");

export interface GraphiQLPage {
  gzipped: Buffer;
  etag: string;
}

let page: Promise<GraphiQLPage> | undefined;

/**
 * The page gzipped (~2.4 MB of the ~9 MB rendered), made once per process on first use: compressing per request
 * would cost ~200 ms of CPU each time, and rendering at start-up would add ~50 MB to the RSS of every gateway,
 * including those nobody opens GraphiQL on. Only the gzip is kept; the rare client without gzip gets it inflated.
 */
export function graphiqlPage(): Promise<GraphiQLPage> {
  page ??= (async () => {
    const html = Buffer.from(renderGraphiQL(GRAPHIQL_OPTIONS), "utf8");
    // Level 6 (zlib's default): level 9 saves 0.4 % here for twice the time, paid by every test process.
    const gzipped = await promisify(gzip)(html);
    const etag = `W/"${createHash("sha256").update(html).digest("base64url").slice(0, 27)}"`;
    return { gzipped, etag };
  })();
  return page;
}

// What Apollo Server answers with GraphQL; the page is served only when the client prefers HTML over all of them.
const GRAPHQL_MEDIA_TYPES = ["application/json", "application/graphql-response+json", "multipart/mixed"];

/** `GET /graphql` from a browser: the GraphiQL page. Any other GET falls through to Apollo Server. */
export function graphiqlHandler(): RequestHandler {
  return (req, res, next) => {
    if (req.accepts([...GRAPHQL_MEDIA_TYPES, "text/html"]) !== "text/html") return next();
    graphiqlPage().then((rendered) => {
      const useGzip = req.acceptsEncodings("gzip", "identity") === "gzip";
      res.set({
        "Content-Type": "text/html; charset=utf-8",
        // The same URL answers JSON to GraphQL clients, so caches must key on Accept as well as Accept-Encoding.
        Vary: "Accept, Accept-Encoding",
        // Revalidate every time (cheap: a 304 thanks to the ETag) so an upgraded gateway never serves a stale page.
        "Cache-Control": "no-cache",
        ETag: rendered.etag,
        "Content-Security-Policy": GRAPHIQL_CSP,
        "X-Content-Type-Options": "nosniff",
      });
      if (req.fresh) {
        res.status(304).end();
        return;
      }
      const body = useGzip ? rendered.gzipped : gunzipSync(rendered.gzipped);
      if (useGzip) res.set("Content-Encoding", "gzip");
      res.set("Content-Length", String(body.length)).end(body);
    }, next);
  };
}
