import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../src/errors/gateway-error.js';
import { UpstreamError } from '../../src/providers/upstream-error.js';
import { fromPollFailure, toPollFailure, UnexpectedPollError } from '../../src/subscriptions/poll-event.js';
import { wireFormat } from '../../src/subscriptions/wire-format.js';

describe('poll events on their way through Redis', () => {
  it('keeps dates as dates, so a DateTime field reads the same on every replica', () => {
    const job = { id: 'job-1', startedAt: new Date('2026-01-01T00:00:00Z'), finishedAt: null, nested: [{ at: new Date(0) }] };
    const back = wireFormat.parse(wireFormat.stringify({ seq: 1, at: 5, value: job, final: false })) as { value: typeof job };
    expect(back.value).toEqual(job);
    expect(back.value.startedAt).toBeInstanceOf(Date);
  });

  it('keeps a provider failure’s code, status, provider and Retry-After', () => {
    const failure = toPollFailure(
      new UpstreamError({ provider: 'buddyns', status: 429, code: 'RATE_LIMITED', message: 'Too many requests', retryAfterSeconds: 30 }),
    );
    const error = fromPollFailure(wireFormat.parse(wireFormat.stringify(failure)) as typeof failure);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ provider: 'buddyns', status: 429, code: 'RATE_LIMITED', message: 'Too many requests', retryAfterSeconds: 30 });
  });

  it('keeps a gateway failure’s code, and hides anything else as an unexpected error', () => {
    expect(fromPollFailure(toPollFailure(new GatewayError('PROVIDER_NOT_CONFIGURED', 'NS1 is not configured', { provider: 'ns1' })))).toMatchObject({
      code: 'PROVIDER_NOT_CONFIGURED',
      details: { provider: 'ns1' },
    });
    expect(fromPollFailure(toPollFailure(new RangeError('boom')))).toBeInstanceOf(UnexpectedPollError);
  });
});
