import type { ExposureConfig } from '../config-exposure.js';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a URL's host name is this machine's loopback by its usual names. */
export const isLoopbackName = (hostname: string): boolean => LOOPBACK_NAMES.has(hostname);

/** The host name of a `Host` header, without its port: `[::1]:4000` -> `[::1]`. */
export function hostNameOf(hostHeader: string): string {
  const host = hostHeader.trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  return host.replace(/:\d*$/, '');
}

/** Whether a request naming this `Host` is answered (DNS rebinding sends the attacker's name). */
export function hostAllowed(exposure: ExposureConfig, hostHeader: string | null | undefined): boolean {
  if (!exposure.allowedHosts || hostHeader == null) return true;
  return exposure.allowedHosts.includes(hostNameOf(hostHeader));
}

/** Whether a browser page of this origin may call the gateway cross-site, credentials included. */
export function originListed(exposure: ExposureConfig, origin: string): boolean {
  if (exposure.corsOrigins.includes(origin)) return true;
  if (!exposure.corsLoopbackOrigins) return false;
  try {
    const url = new URL(origin);
    return /^https?:$/.test(url.protocol) && isLoopbackName(url.hostname) && url.origin === origin;
  } catch {
    return false;
  }
}

/**
 * Whether a WebSocket upgrade may proceed: no `Origin` (not a browser), a listed origin, or the page
 * the gateway serves itself (same origin as the `Host` it was asked for, itself checked).
 */
export function upgradeOriginAllowed(exposure: ExposureConfig, origin: string | undefined, hostHeader: string | undefined): boolean {
  if (origin === undefined) return true;
  if (originListed(exposure, origin)) return true;
  try {
    return hostHeader !== undefined && new URL(origin).host === hostHeader.toLowerCase();
  } catch {
    return false;
  }
}
