import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.js';
import type { HttpClient } from '../providers/http.js';

/**
 * `/readyz`: each configured provider's circuit state, and 503 when every one of them is unavailable
 * (its circuit open), so a load balancer sends traffic elsewhere; 503 too while the gateway drains on its way
 * down. Liveness stays at `/healthz`. A circuit whose wait is over reads as half-open, so a replica taken out of
 * rotation comes back to probe.
 */
export function useReadiness(config: Config, http: { ns1: HttpClient; buddyns: HttpClient }, draining: () => boolean): Plugin {
  const configured = { ns1: Boolean(config.ns1.apiKey), buddyns: Boolean(config.buddyns.credential) };
  return {
    onRequest: ({ url, endResponse }) => {
      if (url.pathname !== '/readyz') return;
      const providers = Object.fromEntries(
        (['ns1', 'buddyns'] as const)
          .filter((provider) => configured[provider])
          .map((provider) => {
            const { circuit } = http[provider];
            const retryAfterSeconds = Math.ceil(circuit.retryAfterMs / 1000);
            return [provider, { circuit: circuit.state, ...(retryAfterSeconds > 0 ? { retryAfterSeconds } : {}) }];
          }),
      );
      const states = Object.values(providers).map((p) => p.circuit);
      if (draining()) return endResponse(Response.json({ status: 'draining', providers }, { status: 503 }));
      const ready = states.length === 0 || states.some((state) => state !== 'open');
      endResponse(Response.json({ status: ready ? 'ready' : 'unavailable', providers }, { status: ready ? 200 : 503 }));
    },
  };
}
