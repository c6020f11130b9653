# syntax=docker/dockerfile:1

# Node 24 is the active LTS (Node 20 left support in April 2026); the code also runs on Node 20.
ARG NODE_IMAGE=node:24-bookworm-slim

# Build: compile TypeScript with the full dependency tree.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Runtime dependencies only: no TypeScript, tsx, vitest or codegen in the image.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# Run: the compiled gateway as an unprivileged user. SANDBOX=false: without provider credentials the
# container refuses to start rather than serve demo data; pass SANDBOX=true to try the sandboxes.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=4000 \
    HOST=0.0.0.0 \
    SANDBOX=false
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json schema.graphql ./
USER node
EXPOSE 4000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# A larger young generation: most of what a request allocates dies with it, and fewer scavenges cost less CPU.
CMD ["node", "--max-semi-space-size=32", "dist/server.js"]
