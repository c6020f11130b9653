import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { SandboxClock } from './clock.js';
import { mountControls } from './controls.js';
import { FaultInjector } from './faults.js';
import { SandboxHttpError } from './http-error.js';
import type { SandboxRateLimiter } from './rate-limiter.js';
import { credentialFingerprint, RequestLog } from './request-log.js';
import { Router } from './router.js';
import type { SandboxRequest, SandboxResponse } from './types.js';

export interface SandboxDefinition {
  name: string;
  /** Where the API lives, as on the real provider: `/v1` for NS1, `/api/v2` for BuddyNS. */
  basePath: string;
  router: Router;
  clock: SandboxClock;
  rateLimiter?: SandboxRateLimiter;
  /** The provider's error body for a status and message. */
  errorBody(status: number, message: string): unknown;
  /** Authentication and rate limiting; headers it returns go on every API response. */
  before?(req: SandboxRequest): Promise<Record<string, string> | void> | Record<string, string> | void;
  /** Restores the seeded state. */
  reset(): void;
  /** Adds demo data given to `POST /_sandbox/seed`. */
  seed?(body: unknown): unknown;
  /** What `GET /_sandbox` tells about the sandbox: its credentials and seed. */
  describe(): Record<string, unknown>;
  /** Provider-specific controls mounted below `/_sandbox`. */
  controls?: Router;
}

export interface RunningSandbox {
  name: string;
  port: number;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** The base URL a provider client is configured with, e.g. `http://127.0.0.1:PORT/v1`. */
  baseUrl: string;
  log: RequestLog;
  faults: FaultInjector;
  clock: SandboxClock;
  definition: SandboxDefinition;
  close(): Promise<void>;
}

export interface StartOptions {
  port?: number;
  host?: string;
}

export async function startSandbox(definition: SandboxDefinition, options: StartOptions = {}): Promise<RunningSandbox> {
  const log = new RequestLog();
  const faults = new FaultInjector();
  const controls = mountControls({ definition, log, faults });
  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) writeJson(res, 500, definition.errorBody(500, String(error)));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const rawBody = await readBody(req);
    if (url.pathname === '/_sandbox' || url.pathname.startsWith('/_sandbox/')) {
      const request = toRequest(req, url, url.pathname.slice('/_sandbox'.length) || '/', rawBody, definition);
      const response = await routeOrNotFound(controls, request, definition);
      return send(res, response);
    }
    const base = definition.basePath.replace(/\/+$/, '');
    if (url.pathname !== base && !url.pathname.startsWith(`${base}/`)) {
      return send(res, { status: 404, body: definition.errorBody(404, 'Not found') });
    }
    let path: string;
    try {
      path = decodePath(url.pathname.slice(base.length) || '/');
    } catch {
      return send(res, { status: 400, body: definition.errorBody(400, 'Malformed URL encoding') });
    }
    const method = (req.method ?? 'GET').toUpperCase();
    const request = toRequest(req, url, path, rawBody, definition);
    const { match } = definition.router.match(method, path);
    const credential = credentialFingerprint(req.headers['x-nsone-key'] ?? req.headers.authorization);
    const traceparent = req.headers.traceparent;
    const entry = {
      method,
      path,
      route: match?.route.pattern ?? path,
      query: url.search,
      at: definition.clock.now(),
      credential,
      ...(typeof traceparent === 'string' ? { traceparent } : {}),
    };

    const fault = faults.decide(method, path);
    if (fault.latencyMs > 0) await sleep(fault.latencyMs);
    if (fault.kind === 'drop') {
      log.add({ ...entry, status: 0 });
      req.socket.destroy();
      return;
    }
    if (fault.kind === 'malformed') {
      log.add({ ...entry, status: 200 });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"truncated": [1, 2');
      return;
    }
    if (fault.kind === 'status') {
      log.add({ ...entry, status: fault.status });
      const headers: Record<string, string> = {};
      if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
      return send(res, { status: fault.status, body: fault.body ?? definition.errorBody(fault.status, fault.message), headers });
    }

    let response: SandboxResponse;
    let extraHeaders: Record<string, string> = {};
    try {
      extraHeaders = (await definition.before?.(request)) ?? {};
      response = await routeOrNotFound(definition.router, request, definition);
    } catch (error) {
      response = errorResponse(error, definition);
    }
    response = { ...response, headers: { ...extraHeaders, ...response.headers } };
    if (fault.afterApply.latencyMs > 0) await sleep(fault.afterApply.latencyMs);
    if (fault.afterApply.drop) {
      log.add({ ...entry, status: 0 });
      req.socket.destroy();
      return;
    }
    log.add({ ...entry, status: response.status });
    send(res, response);
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  const origin = `http://${host}:${port}`;
  return {
    name: definition.name,
    port,
    origin,
    baseUrl: `${origin}${definition.basePath.replace(/\/+$/, '')}`,
    log,
    faults,
    clock: definition.clock,
    definition,
    close: () => closeServer(server),
  };
}

async function routeOrNotFound(router: Router, request: SandboxRequest, definition: SandboxDefinition): Promise<SandboxResponse> {
  const { match, methods } = router.match(request.method, request.path);
  if (!match) {
    if (methods.length > 0) {
      return { status: 405, body: definition.errorBody(405, `Method ${request.method} not allowed`), headers: { allow: methods.join(', ') } };
    }
    return { status: 404, body: definition.errorBody(404, 'Not found') };
  }
  try {
    return await match.route.handler({ ...request, params: match.params });
  } catch (error) {
    return errorResponse(error, definition);
  }
}

function errorResponse(error: unknown, definition: SandboxDefinition): SandboxResponse {
  if (error instanceof SandboxHttpError) {
    return { status: error.status, body: error.body ?? definition.errorBody(error.status, error.message), headers: error.headers };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { status: 500, body: definition.errorBody(500, message) };
}

function decodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => decodeURIComponent(segment))
    .join('/');
}

function toRequest(req: IncomingMessage, url: URL, path: string, rawBody: Buffer, definition: SandboxDefinition): SandboxRequest {
  const headers = req.headers;
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path,
    params: {},
    query: url.searchParams,
    headers,
    rawBody,
    json<T>(): T {
      const text = rawBody.toString('utf8').trim();
      if (text === '') return {} as T;
      try {
        return JSON.parse(text) as T;
      } catch (error) {
        throw new SandboxHttpError(400, `Invalid JSON in request body: ${(error as Error).message}`);
      }
    },
    async form(): Promise<FormData> {
      const contentType = headers['content-type'] ?? 'application/x-www-form-urlencoded';
      try {
        return await new Request(url, { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(rawBody) }).formData();
      } catch {
        throw new SandboxHttpError(400, 'Malformed form body', definition.errorBody(400, 'Malformed form body'));
      }
    },
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, response: SandboxResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  const { body } = response;
  if (body === undefined || response.status === 204) {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  if (Buffer.isBuffer(body)) {
    res.writeHead(response.status, { 'content-type': 'application/octet-stream', ...headers });
    res.end(body);
    return;
  }
  if (typeof body === 'string' && Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    res.writeHead(response.status, headers);
    res.end(body);
    return;
  }
  writeJson(res, response.status, body, headers);
}

function writeJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export { Router, SandboxClock };
