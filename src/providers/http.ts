import { setTimeout as sleep } from 'node:timers/promises';
import { errors as undiciErrors, Pool, type Dispatcher } from 'undici';
import type { IncomingHttpHeaders } from 'undici/types/header.js';
import { ClientRateLimiter, RateBudgetExhausted, type RateBudget, type RateLimiter } from './client-rate-limiter.js';
import { InFlightGets } from './in-flight-gets.js';
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
  /** A GET that changes state (BuddyNS SyncNOW): never shared with other callers, and treated as a write. */
  sideEffects?: boolean;
  signal?: AbortSignal;
}

export interface UpstreamResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** Parsed JSON, or undefined for an empty or non-JSON body. */
  body: unknown;
  raw: Buffer;
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
  connections?: number;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  keepAliveTimeoutMs?: number;
  maxRetries?: number;
  retryBaseDelayMs?: number;
  /** A Retry-After longer than this is not waited out: the caller gets RATE_LIMITED at once. */
  maxRetryDelayMs?: number;
  rateLimit?: RateBudget;
  /** Paces the credentials instead of an in-memory bucket built from `rateLimit`, e.g. one shared through Redis. */
  limiter?: RateLimiter;
  onResponse?: (event: { provider: ProviderId; method: HttpMethod; path: string; status: number; attempt: number; durationMs: number }) => void;
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);
const IDEMPOTENT: ReadonlySet<HttpMethod> = new Set(['GET', 'PUT', 'DELETE']);

/** Percent-encodes each segment: `encodePath('zones', 'bücher.de')` gives `/zones/b%C3%BCcher.de`. */
export function encodePath(...segments: Array<string | number>): string {
  return `/${segments.map((s) => encodeURIComponent(String(s))).join('/')}`;
}

/**
 * One undici Pool per upstream origin: the only place the gateway speaks HTTP. It bounds concurrency
 * (the pool's connections), applies timeouts, retries idempotent requests with backoff (honouring
 * Retry-After), paces each credential inside the provider's budget, and turns every failure into an
 * UpstreamError that carries the provider's status and message but never the request's headers.
 */
export class HttpClient {
  readonly provider: ProviderId;
  private readonly basePath: string;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly limiter: RateLimiter;
  private readonly inFlight = new InFlightGets(this);
  private readonly options: Required<Omit<HttpClientOptions, 'dispatcher' | 'fieldErrors' | 'onResponse' | 'rateLimit' | 'limiter'>> &
    Pick<HttpClientOptions, 'fieldErrors' | 'onResponse'>;

  constructor(options: HttpClientOptions) {
    const base = new URL(options.baseUrl);
    this.provider = options.provider;
    this.basePath = base.pathname.replace(/\/+$/, '');
    this.options = {
      connections: 16,
      connectTimeoutMs: 5_000,
      headersTimeoutMs: 15_000,
      bodyTimeoutMs: 15_000,
      keepAliveTimeoutMs: 10_000,
      maxRetries: 2,
      retryBaseDelayMs: 100,
      maxRetryDelayMs: 5_000,
      ...options,
    };
    this.limiter = options.limiter ?? new ClientRateLimiter(options.rateLimit ?? { requests: 50, windowMs: 1_000 });
    this.ownsDispatcher = options.dispatcher === undefined;
    this.dispatcher =
      options.dispatcher ??
      new Pool(base.origin, {
        connections: this.options.connections,
        connectTimeout: this.options.connectTimeoutMs,
        headersTimeout: this.options.headersTimeoutMs,
        bodyTimeout: this.options.bodyTimeoutMs,
        keepAliveTimeout: this.options.keepAliveTimeoutMs,
      });
  }

  async send(request: UpstreamRequest): Promise<UpstreamResponse> {
    const shared = this.inFlight.route(request, (own) => this.send(own));
    if (shared) return shared;
    const mayRetry = request.retry ?? IDEMPOTENT.has(request.method);
    const attempts = mayRetry ? this.options.maxRetries + 1 : 1;
    for (let attempt = 1; ; attempt++) {
      await this.acquireBudget(request);
      const started = performance.now();
      let outcome: UpstreamResponse | UpstreamError;
      try {
        outcome = await this.attempt(request);
      } catch (error) {
        outcome = this.transportError(error);
      }
      const status = outcome instanceof UpstreamError ? outcome.status : outcome.status;
      this.options.onResponse?.({
        provider: this.provider,
        method: request.method,
        path: request.path,
        status,
        attempt,
        durationMs: performance.now() - started,
      });
      if (!(outcome instanceof UpstreamError)) return outcome;
      const delay = this.retryDelay(outcome, attempt);
      if (attempt >= attempts || delay === undefined) throw outcome;
      await sleep(delay, undefined, { signal: request.signal });
    }
  }

  private async acquireBudget(request: UpstreamRequest): Promise<void> {
    try {
      await this.limiter.acquire(request.rateKey, this.options.maxRetryDelayMs, request.signal);
    } catch (error) {
      if (!(error instanceof RateBudgetExhausted)) throw error;
      const retryAfterSeconds = Math.ceil(error.waitMs / 1000);
      throw new UpstreamError({
        provider: this.provider,
        status: 429,
        code: 'RATE_LIMITED',
        message: `${this.provider} rate limit reached for this credential; retry in ${retryAfterSeconds} s`,
        retryAfterSeconds,
      });
    }
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  private async attempt(request: UpstreamRequest): Promise<UpstreamResponse | UpstreamError> {
    const { body, contentType } = await encodeBody(request);
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (contentType) headers['content-type'] = contentType;
    const response = await this.dispatcher.request({
      method: request.method,
      path: this.basePath + request.path + encodeQuery(request.query),
      headers,
      body: body as Dispatcher.RequestOptions['body'],
      signal: request.signal,
      headersTimeout: this.options.headersTimeoutMs,
      bodyTimeout: this.options.bodyTimeoutMs,
    });
    const raw = Buffer.from(await response.body.arrayBuffer());
    this.observeRateLimit(request.rateKey, response.headers, response.statusCode);
    const parsed = parseJson(raw, response.headers);
    if (response.statusCode >= 400) return this.statusError(response.statusCode, response.headers, parsed);
    if (parsed === MALFORMED) {
      return new UpstreamError({
        provider: this.provider,
        status: response.statusCode,
        code: 'UPSTREAM_ERROR',
        message: `${this.provider} sent a malformed JSON response`,
      });
    }
    return { status: response.statusCode, headers: response.headers, body: parsed, raw };
  }

  private statusError(status: number, headers: IncomingHttpHeaders, parsed: unknown): UpstreamError {
    const body = parsed === MALFORMED ? undefined : parsed;
    const retryAfterSeconds = parseRetryAfter(headers['retry-after']);
    return new UpstreamError({
      provider: this.provider,
      status,
      code: codeForStatus(status),
      message: this.options.errorMessage(body, status) ?? `${this.provider} answered HTTP ${status}`,
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
      ...(status === 400 && this.options.fieldErrors ? { fieldErrors: this.options.fieldErrors(body) } : {}),
    });
  }

  private transportError(error: unknown): UpstreamError {
    if (error instanceof UpstreamError) return error;
    const timedOut =
      error instanceof undiciErrors.HeadersTimeoutError ||
      error instanceof undiciErrors.BodyTimeoutError ||
      error instanceof undiciErrors.ConnectTimeoutError;
    if (timedOut) {
      return new UpstreamError({ provider: this.provider, status: 0, code: 'UPSTREAM_TIMEOUT', message: `${this.provider} did not answer in time` });
    }
    if (error instanceof Error && error.name === 'AbortError') {
      return new UpstreamError({ provider: this.provider, status: 0, code: 'UPSTREAM_TIMEOUT', message: `request to ${this.provider} was cancelled` });
    }
    const reason = error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error);
    return new UpstreamError({ provider: this.provider, status: 0, code: 'UPSTREAM_ERROR', message: `${this.provider} is unreachable (${reason})` });
  }

  private retryDelay(error: UpstreamError, attempt: number): number | undefined {
    const transient = error.status === 0 || RETRYABLE_STATUS.has(error.status);
    if (!transient) return undefined;
    if (error.retryAfterSeconds !== undefined) {
      const ms = error.retryAfterSeconds * 1000;
      return ms <= this.options.maxRetryDelayMs ? ms : undefined;
    }
    const backoff = this.options.retryBaseDelayMs * 2 ** (attempt - 1);
    return Math.min(this.options.maxRetryDelayMs, backoff / 2 + Math.random() * (backoff / 2));
  }

  private observeRateLimit(rateKey: string, headers: IncomingHttpHeaders, status: number): void {
    const remaining = numberHeader(headers['x-ratelimit-remaining']);
    const periodSeconds = numberHeader(headers['x-ratelimit-period']);
    const retryAfterSeconds = status === 429 ? parseRetryAfter(headers['retry-after']) : undefined;
    if (remaining === undefined && retryAfterSeconds === undefined) return;
    this.limiter.observe(rateKey, {
      ...(remaining !== undefined ? { remaining } : {}),
      ...(periodSeconds !== undefined ? { periodSeconds } : {}),
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    });
  }
}

const MALFORMED = Symbol('malformed');

function parseJson(raw: Buffer, headers: IncomingHttpHeaders): unknown {
  if (raw.length === 0) return undefined;
  const type = String(headers['content-type'] ?? '');
  if (type && !type.includes('json')) return undefined;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return MALFORMED;
  }
}

async function encodeBody(request: UpstreamRequest): Promise<{ body?: string | Buffer; contentType?: string }> {
  if (request.json !== undefined) return { body: JSON.stringify(request.json), contentType: 'application/json' };
  if (request.form !== undefined) return { body: new URLSearchParams(request.form).toString(), contentType: 'application/x-www-form-urlencoded' };
  if (request.multipart !== undefined) {
    // Encoded up front, so a retry can send the same bytes and the boundary travels in the header.
    const encoded = new Response(request.multipart);
    return { body: Buffer.from(await encoded.arrayBuffer()), contentType: encoded.headers.get('content-type') ?? 'multipart/form-data' };
  }
  return {};
}

function encodeQuery(query: UpstreamRequest['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function numberHeader(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

function parseRetryAfter(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;
  const seconds = Number(text);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
