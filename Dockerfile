# One image for every service of the platform: the gateway, the four agency subgraphs and the one-shot seed job.
# docker-compose.yml picks the command per service; the default is the gateway.

FROM node:20-slim AS build
WORKDIR /app
# Dependencies first, so this layer is reused until package.json or the lockfile changes. The project's own
# installer runs `npm ci` and stamps node_modules, so `npm run build` below does not install everything again.
COPY package.json package-lock.json ./
COPY scripts/ensure-installed.js scripts/
RUN node scripts/ensure-installed.js
COPY . .
# Compile with swc (dist/), then drop the build tools: the runtime needs production dependencies only.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
# The whole tree: dist/ plus what it reads at run time relative to the project root (package.json marks the
# root; schema/ holds the supergraph, data/ the reference data).
COPY --from=build --chown=node:node /app /app
# the setup job writes the local signing keys here (a volume shared with the services); node must own it
RUN mkdir -p /app/.data/auth && chown -R node:node /app/.data
USER node
EXPOSE 4000
# the heap cap keeps the RSS bounded (see scripts/start.ts)
CMD ["node", "--max-old-space-size=160", "dist/gateway/src/bin.js"]
