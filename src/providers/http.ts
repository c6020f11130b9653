import {
  bulkhead,
  ExponentialBackoff,
  handleWhen,
  retry,
  type BulkheadPolicy,
  type IBackoff,
  type IBackoffFactory,
  type IPolicy,
  type IRetryBackoffContext,
} from 'cockatiel';
import { Pool, type Dispatcher } from 'undici';
import { GatewayError } from '../errors/gateway-error.js';
import { Circuit, type CircuitStateName } from './circuit.js';
import { ClientRateLimiter, RateBudgetExhausted, type RateBudget, type RateLimiter, type RateObservation } from './client-rate-limiter.js';
import { deadlineOfSignal, type Deadline } from './deadline.js';
import type { OperationScope } from './operation-scope.js';
import { exchangeRaw, type RawAnswer } from './raw-exchange.js';
import { StaleResponses } from './stale-responses.js';
import { InFlightGets, resourceKey } from './in-flight-gets.js';
import { PerTick } from './per-tick.js';
import { codeForStatus, UpstreamError, type ProviderId } from './upstream-error.js';

export { UpstreamError, type ProviderId, type UpstreamErrorCode } from './upstream-error.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface UpstreamRequest {
  method: HttpMethod;
  /** Below the base URL, already encoded: build it with `encodePath`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  form?: Record<string, string>;
  multipart?: FormData;
  /** Authentication headers; never logged, never part of an error. */
  headers?: Record<string, string>;
  /** The credential's fingerprint: the rate-limit bucket this request draws from. */
  rateKey: string;
  /** Whether a failed attempt may be sent again; defaults to true for GET, PUT and DELETE. */
  retry?: boolean;
  /** Whose request this is: one principal may spend only its share of the credential's budget. */
  principal?: string;
  /** A GET whose last good answer may stand in while the provider is unavailable (when enabled). */
  staleIfError?: boolean;
  /** A GET that changes state (BuddyNS SyncNOW): never shared with other callers, and treated as a write. */
  sideEffects?: boolean;
  /** The caller leaving; a signal made by `signalWithDeadline` also carries a deadline. */
  signal?: AbortSignal;
  /** The operation the request belongs to: its deadline ends the request, and the request is counted in it. */
  scope?: OperationScope;
  /** When the request must be over: by default its scope's deadline, or the one its signal carries. */
  deadline?: Deadline;
}

export interface UpstreamResponse {
  status: number;
  /** Parsed JSON, or undefined for an empty or non-JSON body. */
  body: unknown;
  /** Set when this is the last good answer, given because the provider is unavailable now. */
  stale?: { ageSeconds: number };
}

export interface HttpClientOptions {
  provider: ProviderId;
  /** e.g. `https://api.nsone.net/v1` */
  baseUrl: string;
  /** How to read the provider's message out of an error body. */
  errorMessage: (body: unknown, status: number) => string | undefined;
  /** Field errors out of a 400 body, where the provider reports them per field. */
  fieldErrors?: (body: unknown) => Record<string, string[]> | undefined;
  dispatcher?: Dispatcher;
  /** Requests in flight at once: the Pool's connections and the bulkhead's slots. */
  connections?: number;
  /**
   * Requests that may wait for a slot whatever happens; beyond it a request is refused with UPSTREAM_UNAVAILABLE,
   * but only while the provider is stalled (see `stalledAfterMs`): a busy provider that keeps answering serves
   * every waiter in turn, within each operation's deadline.
   */
  queueSize?: number;
  /** No request started or answered for this long while requests wait: the provider is stalled. */
  stalledAfterMs?: number;
  connectTimeoutMs?: number;
  /** One attempt, from sending to the whole body. */
  timeoutMs?: number;
  keepAliveTimeoutMs?: number;
  maxRetries?: number;
  retryBaseDelayMs?: number;
  /** A Retry-After, or a rate-limit wait, longer than this is not waited out: the caller gets RATE_LIMITED at once. */
  maxRetryDelayMs?: number;
  /** Consecutive outages (no answer, timeouts, 5xx) that open the circuit. */
  circuitFailures?: number;
  circuitHalfOpenAfterMs?: number;
  rateLimit?: RateBudget;
  /** Paces the credentials instead of an in-memory bucket built from `rateLimit`, e.g. one shared through Redis. */
  limiter?: RateLimiter;
  /** The most of a credential's budget one principal may spend, in (0, 1]. */
  principalShare?: number;
  /** 0: never answer from the last good response. */
  staleIfErrorSeconds?: number;
  onResponse?: (event: { provider: ProviderId; method: HttpMethod; path: string; status: number; attempt: number; durationMs: number }) => void;
  onCircuitChange?: (event: { provider: ProviderId; state: CircuitStateName; lastFailure: unknown }) => void;
  /** A request refused without being sent. */
  onRefused?: (event: { provider: ProviderId; reason: 'circuit_open' | 'queue_full' | 'rate_limited' }) => void;
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);
const IDEMPOTENT: ReadonlySet<HttpMethod> = new Set(['GET', 'PUT', 'DELETE']);

/** Errors this client made up without asking the provider: never retried, never an outage. */
const refusedHere = new WeakSet<UpstreamError>();

/**
 * Segments that would not name a resource but move along the path: every server resolves `.` and `..` (and their
 * percent-encoded forms) before routing, so an id of `..` would address the parent of what the caller asked.
 */
const NOT_A_NAME = new Set(['', '.', '..']);

/**
 * Percent-encodes each segment: `encodePath('zones', 'bücher.de')` gives `/zones/b%C3%BCcher.de`. A segment that
 * is empty, `.` or `..` is refused (BAD_USER_INPUT) before anything is sent.
 */
export function encodePath(...segments: Array<string | number>): string {
  let path = '';
  for (const segment of segments) {
    if (NOT_A_NAME.has(String(segment))) throw new GatewayError('BAD_USER_INPUT', `"${segment}" is not an id or name a provider can look up`);
    path += `/${encodeURIComponent(segment)}`;
  }
  return path || '/';
}

/**
 * One undici Pool per upstream origin: the only place the gateway speaks HTTP. Each request goes through
 * cockatiel policies: retries with backoff for idempotent requests (honouring Retry-After), a circuit
 * breaker for the endpoint, the credential's (and principal's) rate budget, a bulkhead with a bounded queue,
 * and a timeout per attempt; all of it ends by the operation's deadline. Every failure becomes an
 * UpstreamError that carries the provider's status and message but never the request's headers.
 */
export class HttpClient {
  readonly provider: ProviderId;
  readonly circuit: Circuit;
  private readonly basePath: string;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly limiter: RateLimiter;
  private readonly inFlight = new InFlightGets(this);
  /** The signals that end attempts at their timeout, shared by the attempts that start within a tick. */
  private readonly attemptTimeouts: PerTick<AbortSignal>;
  private readonly shares: ClientRateLimiter | undefined;
  private readonly bulkhead: BulkheadPolicy;
  private readonly retrying: IPolicy;
  /** Requests waiting for a slot. */
  private waiting = 0;
  /** When a request last got a slot or gave one back: the queue is moving. */
  private movedAt = 0;
  private readonly stale: StaleResponses<UpstreamResponse> | undefined;
  /** A provider's count of requests left at or above the whole budget tells the limiter nothing. */
  private readonly observeBelow: number;
  private readonly options: Required<
    Omit<HttpClientOptions, 'dispatcher' | 'fieldErrors' | 'onResponse' | 'onCircuitChange' | 'onRefused' | 'rateLimit' | 'limiter'>
  > &
    Pick<HttpClientOptions, 'fieldErrors' | 'onResponse' | 'onRefused'>;

  constructor(options: HttpClientOptions) {
    const base = new URL(options.baseUrl);
    this.provider = options.provider;
    this.basePath = base.pathname.replace(/\/+$/, '');
    this.options = {
      connections: 16,
      queueSize: 100,
      stalledAfterMs: 1_000,
      connectTimeoutMs: 5_000,
      timeoutMs: 15_000,
      keepAliveTimeoutMs: 10_000,
      maxRetries: 2,
      retryBaseDelayMs: 100,
      maxRetryDelayMs: 5_000,
      circuitFailures: 5,
      circuitHalfOpenAfterMs: 10_000,
      principalShare: 1,
      staleIfErrorSeconds: 0,
      ...options,
    };
    const budget = options.rateLimit ?? { requests: 50, windowMs: 1_000 };
    this.limiter = options.limiter ?? new ClientRateLimiter(budget);
    this.observeBelow = budget.requests - 1;
    this.shares = this.options.principalShare < 1 ? new ClientRateLimiter(shareOf(budget, this.options.principalShare)) : undefined;
    // The queue's bound is applied in `enqueue`, where it depends on whether the provider is moving.
    this.bulkhead = bulkhead(this.options.connections, Number.POSITIVE_INFINITY);
    this.retrying = this.retryPolicy();
    const { timeoutMs } = this.options;
    this.attemptTimeouts = new PerTick(timeoutMs, () => AbortSignal.timeout(timeoutMs));
    this.circuit = new Circuit({
      failures: this.options.circuitFailures,
      halfOpenAfterMs: this.options.circuitHalfOpenAfterMs,
      isOutage: (error) => isOutage(error),
      onChange: (state, lastFailure) => options.onCircuitChange?.({ provider: this.provider, state, lastFailure }),
    });
    this.stale = this.options.staleIfErrorSeconds > 0 ? new StaleResponses(this.options.staleIfErrorSeconds * 1000) : undefined;
    this.ownsDispatcher = options.dispatcher === undefined;
    this.dispatcher =
      options.dispatcher ??
      new Pool(base.origin, {
        connections: this.options.connections,
        connectTimeout: this.options.connectTimeoutMs,
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
        keepAliveTimeout: this.options.keepAliveTimeoutMs,
      });
  }

  /** The one way out to the provider. */
  send(request: UpstreamRequest): Promise<UpstreamResponse> {
    const deadline = request.deadline ?? request.scope?.deadline ?? deadlineOfSignal(request.signal);
    return this.inFlight.route(request, deadline, this.sendNow);
  }

  /**
   * Sends a request upstream, with its retries, unless its answer comes from an identical GET in flight. The
   * first attempt goes out directly; only after it failed does the retry policy take over, with that failure
   * as its first result, so an answered request costs no retry machinery.
   */
  private readonly sendNow = async (request: UpstreamRequest, deadline: Deadline | undefined): Promise<UpstreamResponse> => {
    const staleKey = request.staleIfError && this.stale ? resourceKey(request) : undefined;
    try {
      let response: UpstreamResponse;
      try {
        response = await this.attempt(request, 1, deadline);
      } catch (error) {
        const first = this.transportError(error, deadline?.signal);
        if (!(request.retry ?? IDEMPOTENT.has(request.method))) throw first;
        response = await this.retryAfter(first, request, deadline);
      }
      if (staleKey) this.stale?.remember(staleKey, response);
      return response;
    } catch (error) {
      const failure = this.transportError(error, deadline?.signal);
      const kept = staleKey && isUnavailable(failure) ? this.stale?.recall(staleKey) : undefined;
      if (kept) return { stale: { ageSeconds: kept.ageSeconds }, ...kept.response };
      throw failure;
    }
  };

  /** The attempts after a failed first one, as the retry policy decides; the first failure is its first result. */
  private retryAfter(first: UpstreamError, request: UpstreamRequest, deadline: Deadline | undefined): Promise<UpstreamResponse> {
    let attempt = 1;
    return this.retrying.execute(() => {
      if (attempt === 1) {
        attempt++;
        return Promise.reject(first);
      }
      return this.attempt(request, attempt++, deadline).catch((error: unknown) => {
        throw this.transportError(error, deadline?.signal);
      });
    }, deadline?.signal);
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  /** Requests in flight and waiting for a slot. */
  get load(): { inFlight: number; queued: number } {
    return { inFlight: this.options.connections - this.bulkhead.executionSlots, queued: this.waiting };
  }

  /** Requests wait for a slot and none has started or been answered for `stalledAfterMs`: the provider hangs. */
  get stalled(): boolean {
    return this.waiting > 0 && performance.now() - this.movedAt > this.options.stalledAfterMs;
  }

  /** One attempt through the circuit, the rate budget and the bulkhead; its failures are not yet UpstreamErrors all. */
  private attempt(request: UpstreamRequest, attempt: number, deadline: Deadline | undefined): Promise<UpstreamResponse> {
    return this.circuit.execute(() => {
      const waiting = this.acquireBudget(request, deadline);
      return waiting ? waiting.then(() => this.enqueue(request, attempt, deadline)) : this.enqueue(request, attempt, deadline);
    }, this.refuseOpen);
  }

  private readonly refuseOpen = () => this.refused('circuit_open');

  /** Sends at once when a connection is free; otherwise waits its turn, unless the queue is full and not moving. */
  private enqueue(request: UpstreamRequest, attempt: number, deadline: Deadline | undefined): Promise<UpstreamResponse> {
    if (this.bulkhead.executionSlots > 0) return this.bulkhead.execute(() => this.exchange(request, attempt, deadline));
    if (this.waiting >= this.options.queueSize && this.stalled) throw this.refused('queue_full');
    const signal = anySignal(request.signal, deadline?.signal);
    let started = false;
    this.waiting++;
    const queued = this.bulkhead.execute(() => {
      started = true;
      this.waiting--;
      return this.exchange(request, attempt, deadline);
    }, signal);
    void queued
      .catch(() => undefined)
      .then(() => {
        if (!started) this.waiting--;
      });
    return untilAborted(queued, signal);
  }

  private refused(reason: 'circuit_open' | 'queue_full'): UpstreamError {
    this.options.onRefused?.({ provider: this.provider, reason });
    const open = reason === 'circuit_open';
    const retryAfterSeconds = open ? Math.max(1, Math.ceil(this.circuit.retryAfterMs / 1000)) : 1;
    const last = this.circuit.lastFailure;
    const error = new UpstreamError({
      provider: this.provider,
      status: 0,
      code: 'UPSTREAM_UNAVAILABLE',
      message: open
        ? `${this.provider} is unavailable${last instanceof Error ? ` (${last.message})` : ''}; not asked again for ${retryAfterSeconds} s`
        : `${this.provider} has ${this.waiting} requests waiting and answered none for ${this.options.stalledAfterMs} ms; not asked`,
      retryAfterSeconds,
    });
    refusedHere.add(error);
    return error;
  }

  /**
   * The principal's share and the credential's budget, each taken at once when a token is left; a promise only
   * when the request has to wait for one.
   */
  private acquireBudget(request: UpstreamRequest, deadline: Deadline | undefined): Promise<void> | undefined {
    const shareKey = this.shares && request.principal ? `${request.rateKey}\u0000${request.principal}` : undefined;
    // Asked after its operation's deadline (the answer it waited for came too late) or after its caller left: not sent,
    // and said so, rather than reported as a rate limit it never met.
    if (deadline?.signal.aborted) return Promise.reject(this.notAsked());
    if (request.signal?.aborted) return Promise.reject(this.cancelled());
    const shareTaken = shareKey === undefined || this.shares!.tryAcquire(shareKey);
    if (shareTaken && this.limiter.tryAcquire?.(request.rateKey)) return undefined;
    return this.waitForBudget(request, deadline, shareTaken ? undefined : shareKey);
  }

  private async waitForBudget(request: UpstreamRequest, deadline: Deadline | undefined, shareKey: string | undefined): Promise<void> {
    const signal = anySignal(request.signal, deadline?.signal);
    const started = Date.now();
    const maxWaitMs = Math.min(this.options.maxRetryDelayMs, deadline ? deadline.expiresAt - started : Infinity);
    try {
      if (shareKey !== undefined) await this.shares!.acquire(shareKey, maxWaitMs, signal);
      await this.limiter.acquire(request.rateKey, maxWaitMs - (Date.now() - started), signal);
    } catch (error) {
      const waitMs = error instanceof RateBudgetExhausted ? error.waitMs : signal?.aborted ? maxWaitMs : undefined;
      if (waitMs === undefined) throw error;
      this.options.onRefused?.({ provider: this.provider, reason: 'rate_limited' });
      const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
      const limited = new UpstreamError({
        provider: this.provider,
        status: 429,
        code: 'RATE_LIMITED',
        message: `${this.provider} rate limit reached for this credential; retry in ${retryAfterSeconds} s`,
        retryAfterSeconds,
      });
      refusedHere.add(limited);
      throw limited;
    }
  }

  /**
   * One request and its answer: an UpstreamResponse, or an UpstreamError thrown. The attempt's signal aborts
   * the undici request at `timeoutMs` (undici's own timers tick only about once a second), and so do the
   * caller leaving and the operation's deadline.
   */
  private async exchange(request: UpstreamRequest, attempt: number, deadline: Deadline | undefined): Promise<UpstreamResponse> {
    const started = performance.now();
    this.movedAt = started;
    const timeout = this.attemptTimeouts.current();
    let status = 0;
    try {
      const { body, contentType } = request.multipart !== undefined ? await encodeMultipart(request.multipart) : encodeBody(request);
      request.scope?.sent(this.provider);
      const path = this.basePath + request.path + encodeQuery(request.query);
      const options = { method: request.method, path, headers: headersOf(request.headers, contentType), body };
      const answer = await exchangeRaw(this.dispatcher, options, timeout, deadline?.signal, request.signal);
      status = answer.status;
      const retryAfterSeconds = status >= 400 ? parseRetryAfter(answer.retryAfter) : undefined;
      this.observeRateLimit(request.rateKey, answer, status === 429 ? retryAfterSeconds : undefined);
      const parsed = parseJson(answer.text);
      if (status >= 400) throw this.statusError(status, parsed, retryAfterSeconds);
      if (parsed === MALFORMED) {
        throw new UpstreamError({ provider: this.provider, status, code: 'UPSTREAM_ERROR', message: `${this.provider} sent a malformed JSON response` });
      }
      return { status, body: parsed };
    } catch (error) {
      if (error instanceof UpstreamError) throw error;
      status = 0;
      if (!timeout.aborted && !deadline?.signal.aborted && !request.signal?.aborted) throw this.transportError(error, deadline?.signal);
      if (deadline?.signal.aborted) throw this.timedOut(deadline.signal);
      if (request.signal?.aborted) throw this.cancelled();
      throw this.timedOut(undefined);
    } finally {
      const ended = performance.now();
      this.movedAt = ended;
      request.scope?.answered(this.provider, request, status);
      this.options.onResponse?.({ provider: this.provider, method: request.method, path: request.path, status, attempt, durationMs: ended - started });
    }
  }

  private timedOut(deadline: AbortSignal | undefined): UpstreamError {
    if (!deadline?.aborted)
      return new UpstreamError({ provider: this.provider, status: 0, code: 'UPSTREAM_TIMEOUT', message: `${this.provider} did not answer in time` });
    // The operation is over: sending again would not help it, and its deadline says nothing of the provider.
    const error = new UpstreamError({
      provider: this.provider,
      status: 0,
      code: 'UPSTREAM_TIMEOUT',
      message: `${this.provider} did not answer before the request deadline`,
    });
    refusedHere.add(error);
    return error;
  }

  /** The operation's deadline passed before the request was to be sent. */
  private notAsked(): UpstreamError {
    const error = new UpstreamError({
      provider: this.provider,
      status: 0,
      code: 'UPSTREAM_TIMEOUT',
      message: `${this.provider} was not asked: the request deadline had passed`,
    });
    refusedHere.add(error);
    return error;
  }

  /** Nobody waits for the answer any more: not the provider's fault, and not worth sending again. */
  private cancelled(): UpstreamError {
    const error = new UpstreamError({ provider: this.provider, status: 0, code: 'UPSTREAM_TIMEOUT', message: `request to ${this.provider} was cancelled` });
    refusedHere.add(error);
    return error;
  }

  private statusError(status: number, parsed: unknown, retryAfterSeconds: number | undefined): UpstreamError {
    const body = parsed === MALFORMED ? undefined : parsed;
    return new UpstreamError({
      provider: this.provider,
      status,
      code: codeForStatus(status),
      message: this.options.errorMessage(body, status) ?? `${this.provider} answered HTTP ${status}`,
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
      ...(status === 400 && this.options.fieldErrors ? { fieldErrors: this.options.fieldErrors(body) } : {}),
    });
  }

  private transportError(error: unknown, deadline: AbortSignal | undefined): UpstreamError {
    if (error instanceof UpstreamError) return error;
    if (deadline?.aborted) return this.timedOut(deadline);
    if (error instanceof Error && error.name === 'AbortError') return this.cancelled();
    const reason = error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error);
    return new UpstreamError({ provider: this.provider, status: 0, code: 'UPSTREAM_ERROR', message: `${this.provider} is unreachable (${reason})` });
  }

  /** Transient failures are sent again, after the provider's Retry-After when it gave one worth waiting. */
  private retryPolicy(): IPolicy {
    const { maxRetries, retryBaseDelayMs, maxRetryDelayMs } = this.options;
    const transient = (error: unknown) =>
      error instanceof UpstreamError &&
      !refusedHere.has(error) &&
      (error.status === 0 || RETRYABLE_STATUS.has(error.status)) &&
      (error.retryAfterSeconds === undefined || error.retryAfterSeconds * 1000 <= maxRetryDelayMs);
    return retry(handleWhen(transient), {
      maxAttempts: maxRetries,
      backoff: new RetryAfterBackoff(new ExponentialBackoff({ initialDelay: retryBaseDelayMs, maxDelay: maxRetryDelayMs })),
    });
  }

  /** Only what could hold requests back is passed on: a spent budget, or Retry-After on a 429. */
  private observeRateLimit(rateKey: string, answer: RawAnswer, retryAfterSeconds: number | undefined): void {
    const remaining = numberHeader(answer.rateLimitRemaining);
    if (retryAfterSeconds === undefined && (remaining === undefined || remaining > this.observeBelow)) return;
    const periodSeconds = numberHeader(answer.rateLimitPeriod);
    const observation: RateObservation = {};
    if (remaining !== undefined) observation.remaining = remaining;
    if (periodSeconds !== undefined) observation.periodSeconds = periodSeconds;
    if (retryAfterSeconds !== undefined) observation.retryAfterSeconds = retryAfterSeconds;
    this.limiter.observe(rateKey, observation)?.catch(() => undefined);
  }
}

type RetryContext = IRetryBackoffContext<unknown>;

/** The provider's Retry-After when it gave one, else exponential backoff; never past the operation's deadline. */
class RetryAfterBackoff implements IBackoff<RetryContext> {
  constructor(
    private readonly exponential: IBackoffFactory<unknown>,
    readonly duration = 0,
  ) {}

  next(context: RetryContext): IBackoff<RetryContext> {
    const exponential = this.exponential.next(context);
    const error = 'error' in context.result ? context.result.error : undefined;
    const retryAfterSeconds = error instanceof UpstreamError ? error.retryAfterSeconds : undefined;
    const delay = retryAfterSeconds !== undefined ? retryAfterSeconds * 1000 : exponential.duration;
    const deadline = deadlineOfSignal(context.signal);
    // A wait that would end past the deadline is cut short: the next attempt then fails at once.
    return new RetryAfterBackoff(exponential, deadline ? Math.max(0, Math.min(delay, deadline.expiresAt - Date.now())) : delay);
  }
}

/** A share of a budget at the exact rate, with a burst of at least one request. */
function shareOf(budget: RateBudget, share: number): RateBudget {
  const exact = budget.requests * share;
  const requests = Math.max(1, Math.floor(exact));
  return { requests, windowMs: (budget.windowMs * requests) / exact };
}

/** The provider could not be asked or did not answer: an outage, not a refusal of this request. */
function isOutage(error: unknown): boolean {
  return error instanceof UpstreamError && !refusedHere.has(error) && (error.status === 0 || error.status >= 500);
}

/** When the last good answer may stand in: the provider is down or refused to be asked, not a 4xx. */
function isUnavailable(error: UpstreamError): boolean {
  return error.code === 'UPSTREAM_UNAVAILABLE' || isOutage(error);
}

function anySignal(...signals: Array<AbortSignal | undefined>): AbortSignal | undefined {
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  return present.length <= 1 ? present[0] : AbortSignal.any(present);
}

/** A request still waiting for a bulkhead slot gives up with its caller. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) {
      // The work still settles (cancelled by the same signal); nobody waits for it any more.
      work.catch(() => undefined);
      return onAbort();
    }
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

const MALFORMED = Symbol('malformed');

function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return MALFORMED;
  }
}

const NO_BODY: { body?: string | Buffer; contentType?: string } = {};

function encodeBody(request: UpstreamRequest): { body?: string | Buffer; contentType?: string } {
  if (request.json !== undefined) return { body: JSON.stringify(request.json), contentType: 'application/json' };
  if (request.form !== undefined) return { body: new URLSearchParams(request.form).toString(), contentType: 'application/x-www-form-urlencoded' };
  return NO_BODY;
}

/** Encoded up front, so a retry can send the same bytes and the boundary travels in the header. */
async function encodeMultipart(multipart: FormData): Promise<{ body: Buffer; contentType: string }> {
  const encoded = new Response(multipart);
  return { body: Buffer.from(await encoded.arrayBuffer()), contentType: encoded.headers.get('content-type') ?? 'multipart/form-data' };
}

function encodeQuery(query: UpstreamRequest['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The request's headers: the same object for every request of one credential without a body. */
const bodylessHeaders = new WeakMap<Record<string, string>, Record<string, string>>();
const ACCEPT_JSON: Record<string, string> = { accept: 'application/json' };

function headersOf(own: Record<string, string> | undefined, contentType: string | undefined): Record<string, string> {
  if (contentType) return { accept: 'application/json', ...own, 'content-type': contentType };
  if (!own) return ACCEPT_JSON;
  let headers = bodylessHeaders.get(own);
  if (!headers) bodylessHeaders.set(own, (headers = { accept: 'application/json', ...own }));
  return headers;
}

function numberHeader(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

function parseRetryAfter(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const seconds = Number(text);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
