import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { ExecutionResult } from 'graphql';
import { MessageType } from 'graphql-ws';
import type { WebSocket } from 'ws';
import { readWhenReady, type Tap } from '../subscriptions/shared-stream.js';

/**
 * While a connection holds more unsent bytes than this, its subscriptions' events go through graphql-ws, which
 * waits for each message to be written: a slow reader then falls behind in its taps, which drop their oldest
 * events, rather than in the connection's buffer.
 */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/** The first byte of an unfragmented text frame (RFC 6455 5.2): FIN, opcode 1. */
const FINAL_TEXT = 0x81;

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * The `payload` of a `next` message for a result, and the message's closing brace, as UTF-8: encoded once per
 * shared event, for every subscription it goes to. The same payload graphql-ws builds (`errors` as `toJSON`, and
 * absent when there are none).
 */
const encodedTails = new WeakMap<ExecutionResult, Buffer>();
/** The result last encoded: a shared event goes to all its subscribers one after another. */
let last: { result: ExecutionResult; tail: Buffer } | undefined;

function tailOf(result: ExecutionResult): Buffer {
  if (last?.result === result) return last.tail;
  let tail = encodedTails.get(result);
  if (tail === undefined) {
    const { errors, ...resultWithoutErrors } = result;
    const payload = { ...resultWithoutErrors, ...(errors ? { errors: errors.map((error) => error.toJSON()) } : {}) };
    tail = Buffer.from(`${JSON.stringify(payload)}}`);
    encodedTails.set(result, tail);
  }
  last = { result, tail };
  return tail;
}

/**
 * One unmasked text frame holding `head` and `tail`, as `ws` frames a message from a server (RFC 6455 5.2): written
 * with one `write` where `ws` corks its socket to write the header and the payload as two buffers.
 */
function textFrame(head: string, headBytes: number, tail: Buffer): Buffer {
  const length = headBytes + tail.length;
  const lengthBytes = length < 126 ? 0 : length < 65536 ? 2 : 8;
  const frame = Buffer.allocUnsafe(2 + lengthBytes + length);
  frame[0] = FINAL_TEXT;
  if (lengthBytes === 0) frame[1] = length;
  else if (lengthBytes === 2) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length % 2 ** 32, 6);
  }
  frame.write(head, 2 + lengthBytes, 'utf8');
  tail.copy(frame, 2 + lengthBytes + headBytes);
  return frame;
}

/**
 * A graphql-ws subscription of a shared run, as the iterator graphql-ws reads: a shared result that `direct`
 * accepts is written to the connection straight from the tap, as the very bytes graphql-ws would send for it
 * (`{"id":…,"type":"next","payload":…}` in one text frame), with no promise, closure or `JSON.stringify` per
 * subscriber; anything else (an error result, the end, a failure, and any result while the connection is
 * backed up) goes through `stream`, the subscriber's own hooks, and graphql-ws.
 *
 * Order holds because a result is written directly only while graphql-ws waits in `next()`: never while it is
 * still sending what this iterator last gave it.
 */
class SharedNext implements AsyncIterableIterator<ExecutionResult> {
  private waiting: ((result: IteratorResult<ExecutionResult> | Promise<IteratorResult<ExecutionResult>>) => void) | undefined;
  private returned = false;
  /** `{"id":<id>,"type":"next","payload":`, the part of each `next` message that is this subscription's own. */
  private readonly head: string;
  private readonly headBytes: number;
  private readonly ready = () => this.onTapReady();

  constructor(
    private readonly inner: AsyncIterator<ExecutionResult>,
    private readonly tap: Pick<Tap<ExecutionResult>, 'ready' | 'onReady' | 'takeIf'>,
    private readonly socket: WebSocket,
    /** The connection under `socket`, which the `next` messages of shared results are written to. */
    private readonly connection: Socket,
    id: string,
    private readonly direct: (result: ExecutionResult) => boolean,
  ) {
    this.head = `{"id":${JSON.stringify(id)},"type":"${MessageType.Next}","payload":`;
    this.headBytes = Buffer.byteLength(this.head);
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

  /** Writes every result at the head of the tap that may go straight to the connection. */
  private sendDirect(): void {
    const { socket, connection } = this;
    if (socket.readyState !== socket.OPEN || !connection.writable) return;
    for (;;) {
      const unsent = connection.writableLength;
      // Unless `ws` holds frames of its own back (it queues some only while compressing), this one goes after all of them.
      if (unsent > MAX_BUFFERED_BYTES || socket.bufferedAmount !== unsent) return;
      const result = this.tap.takeIf(this.direct);
      if (result === undefined) return;
      connection.write(textFrame(this.head, this.headBytes, tailOf(result)));
    }
  }
}

/**
 * Subscription `id` on `socket`, reading the shared run's `tap` under `stream` (the tap with the subscriber's
 * hooks around it). Results `direct` accepts (those the hooks would pass unchanged) are written to the socket
 * by this transport; graphql-ws reads and sends every other, and ends the subscription as it always does.
 */
export function sharedNextMessages(
  stream: AsyncIterable<ExecutionResult>,
  tap: Pick<Tap<ExecutionResult>, 'ready' | 'onReady' | 'takeIf'>,
  socket: WebSocket,
  upgrade: IncomingMessage,
  id: string,
  direct: (result: ExecutionResult) => boolean,
): AsyncIterableIterator<ExecutionResult> {
  // The upgrade request's connection is the one `ws` took over; with an extension (compression) its frames are not plain.
  if (socket.extensions !== '') return readWhenReady(stream, tap, direct);
  return new SharedNext(stream[Symbol.asyncIterator](), tap, socket, upgrade.socket, id, direct);
}
