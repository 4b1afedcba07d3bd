# syntax=docker/dockerfile:1
#
# One image for every process of the production topology (docker-compose.yml):
# ROLE=api (GraphQL and the web UI, stateless, any number of replicas),
# ROLE=projector (the projection runner, one active) or ROLE=all (everything in
# one process; with no EVENTSTORE_URL/DATABASE_URL it keeps SQLite in /data).
#
#   docker build -t werkbezoek .
#   docker run -p 4000:4000 -v werkbezoek-data:/data werkbezoek
#
# Why not `pnpm deploy`: our workspace packages export their TypeScript sources
# (`"exports": "./src/index.ts"`) and run under tsx, and the code finds its
# neighbours through the repository's layout (services/api/tsconfig.json extends
# ../../tsconfig.base.json; main.ts serves ../../../web/dist). pnpm 10's deploy
# refuses a workspace without inject-workspace-packages (or needs --legacy, which
# resolves afresh instead of from the lockfile), moves services/api to the root
# of the target and copies the other packages into node_modules/.pnpm: the
# tsconfig's `extends`, the web UI's path and the root `start` script all break.
# So the image keeps the repository's layout instead: a production-only
# `pnpm install --prod --filter @werkbezoek/api...` from the lockfile (the API
# and the workspace packages it imports, their dependencies, no dev
# dependencies), then those packages' sources copied beside it.

# ---------------------------------------------------------------------------
# pnpm: Node.js with the pnpm that package.json's packageManager pins (version
# and sha512), installed by corepack, which ships with Node.js 24.
FROM node:24.22.3-bookworm-slim AS pnpm
ENV CI=true \
    COREPACK_ENABLE_DOWNLOAD_PROMPT=0
WORKDIR /app
RUN corepack enable
# The lockfile first: the dependency layers below are rebuilt only when it or a manifest changes.
COPY package.json pnpm-workspace.yaml pnpm-lock.yaml ./
RUN corepack install

# ---------------------------------------------------------------------------
# web: builds the web UI (web/dist) from its sources and schema/schema.graphql.
# Only the web package and its (dev) dependencies are installed here; nothing of
# this stage but web/dist reaches the final image.
FROM pnpm AS web
COPY web/package.json web/
RUN --mount=type=cache,id=werkbezoek-pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --store-dir /pnpm/store --filter @werkbezoek/web
COPY tsconfig.base.json ./
COPY schema/schema.graphql schema/
COPY web web
RUN pnpm build:web

# ---------------------------------------------------------------------------
# prod-deps: the production dependencies of the API and of the workspace
# packages it imports (schema, eventstore, domain, projections, demo, terminal).
# better-sqlite3 (pnpm-workspace.yaml's onlyBuiltDependencies) compiles here,
# against this Node.js's own headers (npm_config_nodedir), so the addon matches
# the final stage, which has the same base image.
FROM pnpm AS prod-deps
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
ENV npm_config_nodedir=/usr/local
COPY schema/package.json schema/
COPY services/api/package.json services/api/
COPY services/demo/package.json services/demo/
COPY services/domain/package.json services/domain/
COPY services/eventstore/package.json services/eventstore/
COPY services/terminal/package.json services/terminal/
COPY projections/package.json projections/
RUN --mount=type=cache,id=werkbezoek-pnpm-store,target=/pnpm/store \
    pnpm install --prod --frozen-lockfile --store-dir /pnpm/store --filter "@werkbezoek/api..." \
    && test -f node_modules/.pnpm/better-sqlite3@*/node_modules/better-sqlite3/build/Release/better_sqlite3.node

# ---------------------------------------------------------------------------
# runtime: no compiler, no pnpm, no dev dependencies; the code is owned by root
# and only /data is writable by the node user the process runs as.
FROM node:24.22.3-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    LOG_FORMAT=json \
    DATA_DIR=/data
WORKDIR /app
# The manifests and node_modules (the root's and each package's, symlinked into node_modules/.pnpm).
COPY --from=prod-deps /app /app
COPY tsconfig.json tsconfig.base.json ./
COPY schema/src schema/src
COPY services/api/tsconfig.json services/api/
COPY services/api/src services/api/src
COPY services/demo/src services/demo/src
COPY services/domain/src services/domain/src
COPY services/eventstore/src services/eventstore/src
COPY services/terminal/src services/terminal/src
COPY projections/src projections/src
# Only the built UI: without web/package.json in the image the start never tries to rebuild it.
COPY --from=web /app/web/dist web/dist
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 4000
# Liveness only (the process serves HTTP); readiness is GET /readyz. Slim images have no curl: Node's fetch.
# The long start period covers a first start that loads the demo history and catches the read models up.
HEALTHCHECK --interval=15s --timeout=5s --start-period=300s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The root `pnpm start` script without pnpm: the root's tsx is a dev dependency, the API's own tsx is a
# production one. tsx hands Node's flags to Node: with 64 MB semi-spaces a request's garbage dies young
# instead of being promoted, and at 20 requests/s on the national history the event loop was held over
# 50 ms in 3 seconds of 120 instead of 9-13 (p99 93 instead of 113-120 ms), for about 100 MB more heap.
CMD ["node", "services/api/node_modules/tsx/dist/cli.mjs", "--max-semi-space-size=64", "--tsconfig", "services/api/tsconfig.json", "services/api/src/main.ts"]
