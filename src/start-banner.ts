import { isIP } from 'node:net';
import { isHostName, type Config } from './config.js';
import { isLoopbackName } from './exposure/request-origin.js';
import { withoutUserinfo } from './providers/endpoint-url.js';
import type { RunningSandbox } from './sandbox/kit/index.js';
import type { RunningGateway } from './server.js';
import { listensEverywhere, urlHost } from './url-host.js';

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
export function announcedUrl(config: Config, localUrl: string): string | undefined {
  const url = new URL(localUrl);
  const allowed = config.exposure.allowedHosts;
  if (allowed === undefined || allowed.includes(url.hostname)) return localUrl;
  const onLoopback = listensEverywhere(config.host) || isLoopbackName(urlHost(config.host)) || config.host.startsWith('127.');
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

/** What a newcomer reads at start: where to open the gateway, what it talks to, and who may use it. */
export function startBanner(running: RunningGateway): string {
  const { config } = running.gateway;
  const metricsLine = running.metrics ? `\n  /metrics at ${running.metrics.url} (METRICS_PORT), not on the main port` : '';
  return `${readyLine(running)}\n  ${describeMode(config, running.sandboxes)}\n  ${describeAuth(config)}${metricsLine}\n`;
}
