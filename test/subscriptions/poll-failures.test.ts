import { describe, expect, it } from 'vitest';
import { sameFailure, type PollFailure } from '../../src/subscriptions/poll-event.js';

const upstream = (code: string, status: number, provider: 'ns1' | 'buddyns' = 'ns1'): PollFailure =>
  ({ kind: 'upstream', provider, code, status, message: `${code} ${status}` }) as PollFailure;

describe('what a subscriber has heard of already', () => {
  it('one outage of a provider, from its first 5xx or timeout to its circuit opening, is one failure', () => {
    const outage = [upstream('UPSTREAM_ERROR', 503), upstream('UPSTREAM_TIMEOUT', 0), upstream('UPSTREAM_UNAVAILABLE', 0), upstream('UPSTREAM_ERROR', 500)];
    for (const a of outage) for (const b of outage) expect(sameFailure(a, b)).toBe(true);
  });

  it('another provider, a rate limit or a refused credential is news', () => {
    expect(sameFailure(upstream('UPSTREAM_ERROR', 503), upstream('UPSTREAM_UNAVAILABLE', 0, 'buddyns'))).toBe(false);
    expect(sameFailure(upstream('UPSTREAM_UNAVAILABLE', 0), upstream('RATE_LIMITED', 429))).toBe(false);
    expect(sameFailure(upstream('UPSTREAM_ERROR', 503), upstream('UNAUTHENTICATED', 401))).toBe(false);
    expect(sameFailure(upstream('UPSTREAM_ERROR', 503), upstream('UPSTREAM_ERROR', 404))).toBe(false);
  });
});
