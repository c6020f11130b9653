import type { IncomingHttpHeaders } from 'node:http';

export interface SandboxRequest {
  method: string;
  /** Path below the base path, each segment percent-decoded (IDN names arrive in Unicode or ASCII). */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** The body parsed as JSON; a malformed body answers 400 through the sandbox's error format. */
  json<T = unknown>(): T;
  /** The body as form fields, from `application/x-www-form-urlencoded` or `multipart/form-data`. */
  form(): Promise<FormData>;
}

export interface SandboxResponse {
  status: number;
  /** JSON-serialised unless it is a Buffer or a string with an explicit content type. */
  body?: unknown;
  headers?: Record<string, string>;
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): SandboxResponse => ({
  status,
  body,
  headers,
});

export const noContent = (status = 204): SandboxResponse => ({ status });
