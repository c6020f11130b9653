import type { Duplex } from 'node:stream';
import type { ExecutionResult } from 'graphql';
import { MessageType } from 'graphql-ws';
import type { WebSocket } from 'ws';
import type { Tap } from '../subscriptions/shared-stream.js';
import { encodedOnce } from './encoded-once.js';
import { publicError } from './public-result.js';

/**
 * While a socket holds more unsent bytes than this, its subscriptions' events go through graphql-ws, which
 * waits for each message to be written: a slow reader then falls behind in its taps, which drop their oldest
 * events, rather than in the socket's buffer.
 */
const MAX_BUFFERED_BYTES = 1024 * 1024;

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * How long a connection holds the messages written to it before they leave together: the polls of one slot (see
 * `Scheduler.scheduleNear`) land within a few milliseconds of each other, one after another.
 */
const HOLD_MS = 5;

/** Connections holding messages, all released by one timer. */
const held = new Set<Duplex>();

function releaseHeld(): void {
  for (const connection of held) connection.uncork();
  held.clear();
}

/**
 * Holds a connection's writes for `HOLD_MS`: the events of the polls that land together leave on each connection
 * in one write, rather than a write, and a segment for the client to read, per message.
 */
function hold(connection: Duplex): void {
  if (held.has(connection)) return;
  if (held.size === 0) setTimeout(releaseHeld, HOLD_MS);
  connection.cork();
  held.add(connection);
}

/**
 * The `payload` of a `next` message for a result, and the message's closing brace, as UTF-8: encoded once per
 * shared event, for every subscription it goes to. The same payload graphql-ws builds with `onNext` (`errors` as
 * yoga writes them, and absent when there are none).
 */
const tailOf = encodedOnce((result) => {
  const { errors, ...resultWithoutErrors } = result;
  const payload = { ...resultWithoutErrors, ...(errors ? { errors: errors.map(publicError) } : {}) };
  return Buffer.from(`${JSON.stringify(payload)}}`);
});

/**
 * A graphql-ws subscription of a shared run, as the iterator graphql-ws reads: a shared result that `direct`
 * accepts is sent on the socket straight from the tap, as the very bytes graphql-ws would send for it
 * (`{"id":…,"type":"next","payload":…}` as one text message), with no promise, closure or `JSON.stringify`
 * per subscriber; anything else (an error result, the end, a failure, and any result while the socket is
 * backed up) goes through `stream`, the subscriber's own hooks, and graphql-ws.
 *
 * Order holds because a result is written directly only while graphql-ws waits in `next()`: never while it is
 * still sending what this iterator last gave it.
 */
class SharedNext implements AsyncIterableIterator<ExecutionResult> {
  private waiting: ((result: IteratorResult<ExecutionResult> | Promise<IteratorResult<ExecutionResult>>) => void) | undefined;
  private returned = false;
  /** `{"id":<id>,"type":"next","payload":`, the part of each `next` message that is this subscription's own. */
  private readonly head: Buffer;
  private readonly ready = () => this.onTapReady();

  constructor(
    private readonly inner: AsyncIterator<ExecutionResult>,
    private readonly tap: Pick<Tap<ExecutionResult>, 'ready' | 'onReady' | 'takeIf'>,
    private readonly socket: WebSocket,
    /** The connection beneath `socket`, whose writes are held a moment to leave together. */
    private readonly connection: Duplex,
    id: string,
    private readonly direct: (result: ExecutionResult) => boolean,
  ) {
    this.head = Buffer.from(`{"id":${JSON.stringify(id)},"type":"${MessageType.Next}","payload":`);
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    if (this.returned) return Promise.resolve(DONE);
    this.sendDirect();
    if (this.tap.ready) return this.inner.next();
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.tap.onReady = this.ready;
    });
  }

  async return(value?: unknown): Promise<IteratorResult<ExecutionResult>> {
    this.returned = true;
    this.tap.onReady = undefined;
    const waiting = this.waiting;
    this.waiting = undefined;
    const result = this.inner.return ? await this.inner.return(value) : DONE;
    waiting?.(DONE);
    return result;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ExecutionResult> {
    return this;
  }

  /** An item, the end or a failure reached the tap while graphql-ws waits in `next()`. */
  private onTapReady(): void {
    this.sendDirect();
    const waiting = this.waiting;
    if (!waiting || !this.tap.ready) return;
    this.waiting = this.tap.onReady = undefined;
    waiting(this.inner.next());
  }

  /** Sends every result at the head of the tap that may go straight to the socket. */
  private sendDirect(): void {
    const { socket } = this;
    while (socket.readyState === socket.OPEN && socket.bufferedAmount <= MAX_BUFFERED_BYTES) {
      const result = this.tap.takeIf(this.direct);
      if (result === undefined) return;
      const tail = tailOf(result);
      hold(this.connection);
      socket.send(Buffer.concat([this.head, tail], this.head.length + tail.length), { binary: false });
    }
  }
}

/**
 * Subscription `id` on `socket` (over `connection`), reading the shared run's `tap` under `stream` (the tap with the subscriber's
 * hooks around it). Results `direct` accepts (those the hooks would pass unchanged) are written to the socket
 * by this transport; graphql-ws reads and sends every other, and ends the subscription as it always does.
 */
export function sharedNextMessages(
  stream: AsyncIterable<ExecutionResult>,
  tap: Pick<Tap<ExecutionResult>, 'ready' | 'onReady' | 'takeIf'>,
  socket: WebSocket,
  connection: Duplex,
  id: string,
  direct: (result: ExecutionResult) => boolean,
): AsyncIterableIterator<ExecutionResult> {
  return new SharedNext(stream[Symbol.asyncIterator](), tap, socket, connection, id, direct);
}
