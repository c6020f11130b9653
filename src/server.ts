import { createServer, type Server } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import { ConfigError, isHostName, loadConfig, withSandboxUpstreams, type Config } from './config.js';
import { isLoopbackName } from './exposure/request-origin.js';
import { ListenError, listenOn } from './listen-error.js';
import { withoutUserinfo } from './providers/endpoint-url.js';
import { startBuddyNsSandbox } from './sandbox/buddyns/index.js';
import { startNs1Sandbox } from './sandbox/ns1/index.js';
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
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- yoga settles every request itself; node has no use for the promise
  const server = createServer(gateway.yoga);
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
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : urlHost(config.host);
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Subscriptions end cleanly (WebSocket and SSE streams complete, leases are given up) before
      // the connections they held are closed.
      await websockets.close();
      await gateway.subscriptions.close();
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 5_000).unref();
      await closed;
      await gateway.yoga.dispose();
      await gateway.close();
      await Promise.all([...sandboxes.map((s) => s.close()), metrics?.close()]);
    })());
  return { gateway, server, url: `http://${host}:${port}/graphql`, sandboxes, ...(metrics ? { metrics } : {}), stop };
}

/** A host as a URL writes it: an IPv6 address in brackets. */
const urlHost = (host: string) => (isIP(host) === 6 ? `[${host}]` : host);

/** An ALLOWED_HOSTS entry a URL can name: a host name, an IPv4 address, or an IPv6 address in brackets. */
function nameable(entry: string): boolean {
  if (entry.startsWith('[')) return entry.endsWith(']') && isIP(entry.slice(1, -1)) === 6;
  return isIP(entry) === 4 || isHostName(entry);
}

/**
 * The URL to open the gateway by: its own when the gateway answers to that host, else the same URL with the first
 * ALLOWED_HOSTS entry a URL can name (a loopback name only when the gateway listens on loopback); undefined when
 * there is none, for any other `Host` is answered 421.
 */
function announcedUrl(config: Config, localUrl: string): string | undefined {
  const url = new URL(localUrl);
  const allowed = config.exposure.allowedHosts;
  if (allowed === undefined || allowed.includes(url.hostname)) return localUrl;
  const onLoopback = ['0.0.0.0', '::'].includes(config.host) || isLoopbackName(urlHost(config.host)) || config.host.startsWith('127.');
  const named = allowed.find((entry) => nameable(entry) && (onLoopback || !(isLoopbackName(entry) || entry.startsWith('127.'))));
  if (named === undefined) return undefined;
  url.hostname = named;
  return url.href;
}

/** The first line of the banner: where the gateway is ready. */
function readyLine(running: RunningGateway): string {
  const { config } = running.gateway;
  const url = announcedUrl(config, running.url);
  if (url) return `dnsgraph ready at ${url}${config.graphiql ? ' (GraphiQL in the browser)' : ''}`;
  const { hostname, port } = new URL(running.url);
  const listed = config.exposure.allowedHosts?.join(', ') ?? '';
  return `dnsgraph ready on port ${port}, with no URL to show: ${hostname} is not among ALLOWED_HOSTS (${listed}), and none of them is a name to reach it by`;
}

function describeMode(config: Config, sandboxes: RunningSandbox[]): string {
  if (sandboxes.length > 0) {
    return `sandbox mode: NS1 sandbox at ${sandboxes[0]?.baseUrl}, BuddyNS sandbox at ${sandboxes[1]?.baseUrl} (demo data; no account needed)`;
  }
  if (config.credentials === 'caller') {
    const endpoints = `NS1 at ${withoutUserinfo(config.ns1.endpoint)}, BuddyNS at ${withoutUserinfo(config.buddyns.endpoint)}`;
    return `providers: ${endpoints}, with each caller's own X-NS1-Key / X-BuddyNS-Token (CREDENTIALS=caller)`;
  }
  const providers = [
    config.ns1.apiKey ? `NS1 at ${withoutUserinfo(config.ns1.endpoint)}` : undefined,
    config.buddyns.credential ? `BuddyNS at ${withoutUserinfo(config.buddyns.endpoint)}` : undefined,
  ];
  return `providers: ${providers.filter(Boolean).join(', ')}`;
}

function describeAuth(config: Config): string {
  if (config.auth.mode === 'oidc') return `authentication: OIDC access tokens from ${config.auth.issuer} for audience ${config.auth.audience}`;
  const who = config.sandbox ? 'sandbox mode' : 'AUTH_MODE=none';
  return `*** AUTHENTICATION IS OFF (${who}): anyone who reaches this port acts with every scope on every zone ***`;
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
  const metricsLine = running.metrics ? `\n  /metrics at ${running.metrics.url} (METRICS_PORT), not on the main port` : '';
  process.stdout.write(
    `${readyLine(running)}\n  ${describeMode(running.gateway.config, running.sandboxes)}\n  ${describeAuth(running.gateway.config)}${metricsLine}\n`,
  );
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
