import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig, withSandboxUpstreams, type Config } from './config.js';
import { refuseTarget, toOriginForm } from './exposure/request-target.js';
import { ListenError, listenOn } from './listen-error.js';
import { startBuddyNsSandbox } from './sandbox/buddyns/index.js';
import { startNs1Sandbox } from './sandbox/ns1/index.js';
import { announcedUrl, startBanner } from './start-banner.js';
import { shownHost } from './url-host.js';
import type { RunningSandbox } from './sandbox/kit/index.js';
import { sandboxUpstreams } from './sandbox/upstreams.js';
import { startMetricsListener, type MetricsListener } from './metrics-server.js';
import { startTracing } from './telemetry/tracing.js';
import { attachWebSocketTransport } from './transport/ws.js';
import { createGateway, type Gateway, type GatewayOptions } from './yoga.js';

export interface RunningGateway {
  gateway: Gateway;
  server: Server;
  url: string;
  sandboxes: RunningSandbox[];
  /** With METRICS_PORT: where `/metrics` is served instead of the main port. */
  metrics?: MetricsListener;
  stop(): Promise<void>;
}

/** How long past the request deadline a stopping gateway waits for the answers of requests still in flight. */
const DRAIN_MARGIN_MS = 1_000;

/** In sandbox mode both providers run in this process on loopback ports of their own. */
async function startEmbeddedSandboxes(config: Config): Promise<{ config: Config; sandboxes: RunningSandbox[] }> {
  const [ns1, buddyns] = await Promise.all([startNs1Sandbox({ port: 0 }), startBuddyNsSandbox({ port: 0 })]);
  return {
    sandboxes: [ns1, buddyns],
    config: withSandboxUpstreams(config, sandboxUpstreams(ns1, buddyns, config.ns1.transferAddress)),
  };
}

export async function startGateway(baseConfig: Config, options: Omit<GatewayOptions, 'config'> = {}): Promise<RunningGateway> {
  const { config, sandboxes } = baseConfig.sandbox ? await startEmbeddedSandboxes(baseConfig) : { config: baseConfig, sandboxes: [] };
  const gateway = createGateway({ ...options, config });
  const server = createServer((request, response) => {
    if (!toOriginForm(request)) return refuseTarget(response);
    // yoga settles every request itself; node has no use for the promise.
    void gateway.yoga(request, response);
  });
  let metrics: MetricsListener | undefined;
  try {
    await listenOn(server, 'PORT', config.port, config.host);
    const { metricsPort } = config.exposure;
    if (metricsPort !== undefined) metrics = await startMetricsListener(gateway.metrics.registry, metricsPort, config.host);
  } catch (error) {
    if (server.listening) server.close();
    await Promise.allSettled([gateway.close(), ...sandboxes.map((s) => s.close())]);
    throw error;
  }
  // Attached once listening: the WebSocket server would otherwise take a listen error for its own and print it.
  const websockets = attachWebSocketTransport(server, gateway);
  const { port } = server.address() as AddressInfo;
  const host = shownHost(config.host);
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      gateway.startDraining();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Subscriptions end cleanly (WebSocket and SSE streams complete, leases are given up) before
      // the connections they held are closed.
      await websockets.close();
      await gateway.subscriptions.close();
      server.closeIdleConnections();
      // Requests in flight may run to their deadline: only past it (and a moment for the answer) are connections cut.
      const cut = setTimeout(() => server.closeAllConnections(), config.resilience.requestDeadlineMs + DRAIN_MARGIN_MS);
      cut.unref();
      await closed;
      clearTimeout(cut);
      await gateway.yoga.dispose();
      await gateway.close();
      await Promise.all([...sandboxes.map((s) => s.close()), metrics?.close()]);
    })());
  return { gateway, server, url: `http://${host}:${port}/graphql`, sandboxes, ...(metrics ? { metrics } : {}), stop };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`dnsgraph: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const running = await startGateway(config);
  // After the start, so that the upstream spans know the embedded sandboxes' ports in sandbox mode.
  const tracing = await startTracing(running.gateway.config);
  const { logger } = running.gateway;
  process.stdout.write(startBanner(running));
  logger.info('gateway started', { url: announcedUrl(running.gateway.config, running.url) ?? running.url, sandbox: running.gateway.config.sandbox });
  const shutdown = (signal: string) => {
    logger.info('shutting down', { signal });
    running
      .stop()
      .then(() => tracing?.shutdown())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error('shutdown failed', { error: String(error) });
          process.exit(1);
        },
      );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('server.ts') || process.argv[1]?.endsWith('server.js')) {
  void main().catch((error: unknown) => {
    if (error instanceof ListenError) {
      process.stderr.write(`dnsgraph: ${error.message}\n`);
      process.exit(1);
    }
    process.stderr.write(`dnsgraph failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
