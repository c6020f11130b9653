import { getEventListeners } from 'node:events';
import { Repeater } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { SharedStream, whenTapEnds, type TapConsumer } from '../../src/subscriptions/shared-stream.js';

/** A source the test pushes into, counting its readers and whether it was returned. */
function source() {
  let push: (value: number) => Promise<unknown> = () => Promise.resolve();
  let stop: () => void = () => undefined;
  let returned = false;
  const stream = new Repeater<number>(async (p, s) => {
    push = p;
    stop = () => void s();
    await s;
    returned = true;
  });
  return { stream, push: (value: number) => push(value), end: () => stop(), returned: () => returned };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('shared stream', () => {
  it('hands each item to every tap, the same object, and the last item to a tap that joins late', async () => {
    const upstream = source();
    let idle = 0;
    const shared = new SharedStream<{ n: number } | number>(upstream.stream, () => idle++);
    const a = shared.tap(undefined);
    const b = shared.tap(undefined);
    const item = { n: 1 };
    void upstream.push(item as unknown as number);
    const [fromA, fromB] = await Promise.all([a.next(), b.next()]);
    expect(fromA.value).toBe(item);
    expect(fromB.value).toBe(item);
    const late = shared.tap(undefined);
    expect((await late.next()).value).toBe(item);
    expect(idle).toBe(0);
    await Promise.all([a.return(), b.return(), late.return()]);
  });

  it('keeps the others going when one tap leaves, and returns the source when the last one leaves', async () => {
    const upstream = source();
    let idle = 0;
    const shared = new SharedStream<number>(upstream.stream, () => idle++);
    const a = shared.tap(undefined);
    const b = shared.tap(undefined);
    await a.return();
    void upstream.push(2);
    expect(await b.next()).toEqual({ done: false, value: 2 });
    expect(await a.next()).toEqual({ done: true, value: undefined });
    expect(upstream.returned()).toBe(false);
    await b.return();
    await settle();
    expect(upstream.returned()).toBe(true);
    expect(idle).toBe(1);
    expect(shared.ended).toBe(true);
  });

  it('ends a tap whose signal aborts, and every tap when the source ends', async () => {
    const upstream = source();
    const shared = new SharedStream<number>(upstream.stream, () => undefined);
    const leaving = new AbortController();
    const a = shared.tap(leaving.signal);
    const b = shared.tap(undefined);
    const waiting = a.next();
    leaving.abort();
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(shared.tapCount).toBe(1);
    void upstream.push(3);
    expect((await b.next()).value).toBe(3);
    upstream.end();
    expect(await b.next()).toEqual({ done: true, value: undefined });
    expect(shared.ended).toBe(true);
  });

  it('leaves no listener on a signal once its tap has ended, by abort or by return', async () => {
    const upstream = source();
    const shared = new SharedStream<number>(upstream.stream, () => undefined);
    const aborting = new AbortController();
    const returning = new AbortController();
    const a = shared.tap(aborting.signal);
    const b = shared.tap(returning.signal);
    expect(getEventListeners(aborting.signal, 'abort')).toHaveLength(1);
    aborting.abort();
    expect(getEventListeners(aborting.signal, 'abort')).toHaveLength(0);
    expect(await a.next()).toEqual({ done: true, value: undefined });
    await b.return();
    expect(getEventListeners(returning.signal, 'abort')).toHaveLength(0);
  });

  it('lets a slow tap fall behind by at most 100 items, dropping the oldest', async () => {
    const upstream = source();
    const shared = new SharedStream<number>(upstream.stream, () => undefined);
    const slow = shared.tap(undefined);
    for (let n = 1; n <= 150; n++) await upstream.push(n);
    await settle();
    const read: number[] = [];
    for (let n = 0; n < 100; n++) read.push((await slow.next()).value as number);
    expect(read[0]).toBe(51);
    expect(read.at(-1)).toBe(150);
    await slow.return();
  });
});

describe("what runs at a tap's end", () => {
  /** A tap with two things to run at its end, counting their runs. */
  function watchedTap(signal?: AbortSignal) {
    const upstream = source();
    const tap = new SharedStream<number>(upstream.stream, () => undefined).tap(signal);
    const runs = { first: 0, second: 0 };
    expect(whenTapEnds(tap, () => runs.first++)).toBe(true);
    expect(whenTapEnds(tap, () => runs.second++)).toBe(true);
    return { upstream, tap, runs };
  }

  it('runs once, when the reader is answered done after its signal aborted, and not before', async () => {
    const leave = new AbortController();
    const { upstream, tap, runs } = watchedTap(leave.signal);
    void upstream.push(1);
    await settle();
    leave.abort();
    expect(await tap.next()).toEqual({ done: false, value: 1 });
    expect(runs).toEqual({ first: 0, second: 0 });
    expect(await tap.next()).toEqual({ done: true, value: undefined });
    await tap.next();
    await tap.return();
    expect(runs).toEqual({ first: 1, second: 1 });
  });

  it('runs once when the reader returns the tap, and when the end reaches a reader waiting for it', async () => {
    const returned = watchedTap();
    await returned.tap.return();
    await returned.tap.return();
    expect(returned.runs).toEqual({ first: 1, second: 1 });

    const waiting = watchedTap();
    const read = waiting.tap.next();
    waiting.upstream.end();
    expect(await read).toEqual({ done: true, value: undefined });
    expect(waiting.runs).toEqual({ first: 1, second: 1 });
  });

  it('does not run for a failure, which the reader gets first, but at the end it reads after it', async () => {
    const failing = new SharedStream<number>(
      {
        next: async () => {
          await Promise.resolve();
          throw new Error('source failed');
        },
      },
      () => undefined,
    );
    const tap = failing.tap(undefined);
    let runs = 0;
    whenTapEnds(tap, () => runs++);
    await expect(tap.next()).rejects.toThrow('source failed');
    expect(runs).toBe(0);
    expect(await tap.next()).toEqual({ done: true, value: undefined });
    expect(runs).toBe(1);
  });

  it('runs what each asked to run at an abort when the signal aborts, once, on the listener the tap keeps anyway', () => {
    const leave = new AbortController();
    const upstream = source();
    const tap = new SharedStream<number>(upstream.stream, () => undefined).tap(leave.signal);
    let runs = 0;
    let others = 0;
    whenTapEnds(tap, () => runs++, true);
    whenTapEnds(tap, () => others++, true);
    expect(getEventListeners(leave.signal, 'abort')).toHaveLength(1);
    leave.abort();
    expect(runs).toBe(1);
    expect(others).toBe(1);
    expect(tap.ready).toBe(true);
    expect(getEventListeners(leave.signal, 'abort')).toHaveLength(0);
  });

  it('is not taken for a stream that is not a tap', () => {
    expect(whenTapEnds(source().stream, () => undefined)).toBe(false);
  });
});

describe('a tap with a consumer', () => {
  /** Takes even numbers while `open`; records its wake-ups. */
  function evens() {
    const consumer = { open: true, taken: [] as number[], woken: 0 } as { open: boolean; taken: number[]; woken: number } & TapConsumer<number>;
    consumer.offer = (item) => {
      if (!consumer.open || item % 2 !== 0) return false;
      consumer.taken.push(item);
      return true;
    };
    consumer.wake = () => void consumer.woken++;
    return consumer;
  }

  /** A tap of a fresh shared stream, read by `evens()`. */
  function consumedTap() {
    const upstream = source();
    const tap = new SharedStream<number>(upstream.stream, () => undefined).tap(undefined);
    const consumer = evens();
    tap.consumer = consumer;
    return { upstream, tap, consumer };
  }

  it('hands each item it takes over as it arrives, with nothing queued and no wake-up', async () => {
    const { upstream, tap, consumer } = consumedTap();
    await upstream.push(2);
    await upstream.push(4);
    await settle();
    expect(consumer.taken).toEqual([2, 4]);
    expect(consumer.woken).toBe(0);
    expect(tap.ready).toBe(false);
    await tap.return();
  });

  it('queues an item it refuses, and every later one behind it, to be read in order, and wakes it for each', async () => {
    const { upstream, tap, consumer } = consumedTap();
    await upstream.push(3);
    await upstream.push(6);
    await settle();
    // 6 would be taken, but 3 waits before it.
    expect(consumer.taken).toEqual([]);
    expect(consumer.woken).toBe(2);
    expect(tap.ready).toBe(true);
    expect(await tap.next()).toEqual({ done: false, value: 3 });
    expect(tap.takeIf((item) => item % 2 === 0)).toBe(6);
    expect(tap.ready).toBe(false);
    // Nothing queued any more: the next item goes straight to the consumer again.
    await upstream.push(8);
    await settle();
    expect(consumer.taken).toEqual([8]);
    upstream.end();
    await settle();
    expect(consumer.woken).toBe(3);
    expect(await tap.next()).toEqual({ done: true, value: undefined });
  });
});

describe('a shared stream whose source has completed', () => {
  it('gives a tap that comes after the end the last item, then the end', async () => {
    const upstream = source();
    const shared = new SharedStream<number>(upstream.stream, () => undefined);
    const first = shared.tap(undefined);
    void upstream.push(9);
    expect((await first.next()).value).toBe(9);
    upstream.end();
    expect((await first.next()).done).toBe(true);
    expect(shared.completed).toBe(true);
    const late = shared.tap(undefined);
    expect(await late.next()).toEqual({ done: false, value: 9 });
    expect(await late.next()).toEqual({ done: true, value: undefined });
  });
});
