import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { UpstreamError } from '../../src/providers/upstream-error.js';
import { SubscriptionHub } from '../../src/subscriptions/hub.js';
import { createMemoryCoordination } from '../../src/subscriptions/memory-coordination.js';
import { isFailure, type PollEvent } from '../../src/subscriptions/poll-event.js';
import type { PollSource } from '../../src/subscriptions/poll-source.js';
import { ManualScheduler } from './support/manual-scheduler.js';

const INTERVAL = 30_000;

/** An upstream whose answers the test sets, counting every request it receives. */
class FakeUpstream<T> {
  requests = 0;
  constructor(public answer: T | Error) {}
  // eslint-disable-next-line @typescript-eslint/require-await -- async turns a thrown answer into a rejection, as a real fetch does
  fetch = async (): Promise<T> => {
    this.requests += 1;
    if (this.answer instanceof Error) throw this.answer;
    return this.answer;
  };
}

function setup() {
  const scheduler = new ManualScheduler();
  const hub = new SubscriptionHub({ coordination: createMemoryCoordination(), scheduler, logger: createLogger('silent') });
  return { scheduler, hub };
}

function sourceOf<T>(upstream: FakeUpstream<T>, extra: Partial<PollSource<T>> = {}): PollSource<T> {
  return { key: 'ns1:fp:resource:30000', intervalMs: INTERVAL, fetch: upstream.fetch, ...extra };
}

/** A subscriber: its stream of events, read one at a time. */
function subscribe<T>(hub: SubscriptionHub, source: PollSource<T>) {
  const stop = new AbortController();
  const stream = hub.watch(source, stop.signal);
  return { next: async () => (await stream.next()).value as PollEvent<T> | undefined, leave: () => stop.abort(), stream };
}

const valueOf = <T>(event: PollEvent<T> | undefined) => (event && !isFailure(event) ? event.value : undefined);

const outage = () => new UpstreamError({ provider: 'ns1', status: 503, code: 'UPSTREAM_ERROR', message: 'service unavailable' });

describe('shared poller', () => {
  it('serves many subscribers of one key with one upstream request per interval, all the same answer', async () => {
    const { scheduler, hub } = setup();
    const upstream = new FakeUpstream({ qps: 12 });
    const subscribers = Array.from({ length: 200 }, () => subscribe(hub, sourceOf(upstream)));
    const first = await Promise.all(subscribers.map((s) => s.next()));
    expect(upstream.requests).toBe(1);
    expect(new Set(first.map((e) => JSON.stringify(valueOf(e))))).toEqual(new Set(['{"qps":12}']));

    upstream.answer = { qps: 13 };
    await scheduler.advance(INTERVAL);
    const second = await Promise.all(subscribers.map((s) => s.next()));
    expect(upstream.requests).toBe(2);
    expect(second.every((e) => valueOf(e)?.qps === 13)).toBe(true);
    subscribers.forEach((s) => s.leave());
    await Promise.all(subscribers.map((s) => s.next()));
  });

  it('gives a subscriber who joins later the current value at once, without asking upstream again', async () => {
    const { hub } = setup();
    const upstream = new FakeUpstream('up');
    const early = subscribe(hub, sourceOf(upstream));
    await early.next();
    const late = subscribe(hub, sourceOf(upstream));
    expect(valueOf(await late.next())).toBe('up');
    expect(upstream.requests).toBe(1);
    early.leave();
    late.leave();
  });

  it('stops polling when the last subscriber leaves, leaving no timer behind', async () => {
    const { scheduler, hub } = setup();
    const upstream = new FakeUpstream(1);
    const a = subscribe(hub, sourceOf(upstream));
    const b = subscribe(hub, sourceOf(upstream));
    await Promise.all([a.next(), b.next()]);
    a.leave();
    expect(await a.next()).toBeUndefined();
    upstream.answer = 2;
    await scheduler.advance(INTERVAL);
    expect(upstream.requests).toBe(2);
    expect(valueOf(await b.next())).toBe(2);
    b.leave();
    expect(await b.next()).toBeUndefined();
    expect(scheduler.pending).toBe(0);
    await scheduler.advance(10 * INTERVAL);
    expect(upstream.requests).toBe(2);
  });

  it('delivers a value only when it changed, unless every sample is news', async () => {
    const { scheduler, hub } = setup();
    const status = new FakeUpstream({ transferOk: true });
    const qps = new FakeUpstream(5);
    const statusWatcher = subscribe(hub, sourceOf(status));
    const qpsWatcher = subscribe(hub, sourceOf(qps, { key: 'ns1:fp:qps:30000', everySample: true }));
    await Promise.all([statusWatcher.next(), qpsWatcher.next()]);

    await scheduler.advance(INTERVAL);
    expect(valueOf(await qpsWatcher.next())).toBe(5);
    status.answer = { transferOk: false };
    await scheduler.advance(INTERVAL);
    expect(valueOf(await statusWatcher.next())).toEqual({ transferOk: false });
    expect(status.requests).toBe(3);
    statusWatcher.leave();
    qpsWatcher.leave();
  });

  it('turns an upstream failure into one error event, keeps the stream open, backs off, and resumes on success', async () => {
    const { scheduler, hub } = setup();
    const upstream = new FakeUpstream<number>(7);
    const watcher = subscribe(hub, sourceOf(upstream));
    await watcher.next();

    upstream.answer = outage();
    await scheduler.advance(INTERVAL);
    const failed = await watcher.next();
    expect(failed && isFailure(failed) ? failed.failure : undefined).toMatchObject({ kind: 'upstream', code: 'UPSTREAM_ERROR', provider: 'ns1', status: 503 });
    expect(upstream.requests).toBe(2);

    // Backoff: the next try waits two intervals, and a repeated failure is not announced again.
    await scheduler.advance(INTERVAL);
    expect(upstream.requests).toBe(2);
    await scheduler.advance(INTERVAL);
    expect(upstream.requests).toBe(3);

    upstream.answer = 7;
    await scheduler.advance(4 * INTERVAL);
    expect(upstream.requests).toBe(4);
    expect(valueOf(await watcher.next())).toBe(7);
    watcher.leave();
  });

  it('waits at least as long as the provider asks in Retry-After', async () => {
    const { scheduler, hub } = setup();
    const upstream = new FakeUpstream<number>(
      new UpstreamError({ provider: 'ns1', status: 429, code: 'RATE_LIMITED', message: 'slow down', retryAfterSeconds: 600 }),
    );
    const watcher = subscribe(hub, sourceOf(upstream));
    await watcher.next();
    await scheduler.advance(599_000);
    expect(upstream.requests).toBe(1);
    await scheduler.advance(1_000);
    expect(upstream.requests).toBe(2);
    watcher.leave();
  });

  it('stops polling after a final value and ends nobody’s stream on its own', async () => {
    const { scheduler, hub } = setup();
    const upstream = new FakeUpstream({ finished: true });
    const watcher = subscribe(hub, sourceOf(upstream, { isFinal: (job) => job.finished }));
    const event = await watcher.next();
    expect(event && !isFailure(event) && event.final).toBe(true);
    await scheduler.advance(5 * INTERVAL);
    expect(upstream.requests).toBe(1);
    expect(scheduler.pending).toBe(0);
    watcher.leave();
  });

  it('ends every stream when the hub closes, and a closed hub starts no poller', async () => {
    const { scheduler, hub } = setup();
    const upstream = new FakeUpstream(1);
    const watcher = subscribe(hub, sourceOf(upstream));
    await watcher.next();
    await hub.close();
    expect(await watcher.next()).toBeUndefined();
    expect(scheduler.pending).toBe(0);
    const afterwards = subscribe(hub, sourceOf(upstream));
    expect(await afterwards.next()).toBeUndefined();
    expect(upstream.requests).toBe(1);
  });

  it('lets a subscriber waiting for its next event unsubscribe at once, stopping the poller', async () => {
    const { scheduler, hub } = setup();
    const upstream = new FakeUpstream(1);
    const stream = hub.watch(sourceOf(upstream), new AbortController().signal);
    await stream.next();
    const waiting = stream.next();
    await stream.return();
    expect((await waiting).done).toBe(true);
    expect(scheduler.pending).toBe(0);
    expect(hub.keys).toEqual([]);
  });

  it('keeps keys apart: a different key (another credential) has its own poller', async () => {
    const { hub } = setup();
    const admin = new FakeUpstream('admin view');
    const readOnly = new FakeUpstream('read-only view');
    const a = subscribe(hub, sourceOf(admin, { key: 'ns1:admin-fp:qps:30000' }));
    const b = subscribe(hub, sourceOf(readOnly, { key: 'ns1:readonly-fp:qps:30000' }));
    expect([valueOf(await a.next()), valueOf(await b.next())]).toEqual(['admin view', 'read-only view']);
    expect([admin.requests, readOnly.requests]).toEqual([1, 1]);
    a.leave();
    b.leave();
  });
});
