import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { fingerprint } from '../credentials.js';
import type { HttpClient, UpstreamRequest, UpstreamResponse } from '../http.js';
import { parseResponse } from '../parse-response.js';
import { markStale } from '../stale-responses.js';

export type Ns1Request = Omit<UpstreamRequest, 'headers' | 'rateKey' | 'principal'>;

export const ns1KeyFingerprint = (apiKey: string): string => fingerprint('ns1', apiKey);

/**
 * A credential-bound view of the NS1 HTTP client: every endpoint group goes through it, so the key
 * travels only in the `X-NSONE-Key` header and nowhere else.
 */
export class Ns1Api {
  readonly fingerprint: string;

  constructor(
    private readonly http: HttpClient,
    private readonly apiKey: string,
    private readonly principal?: string,
  ) {
    this.fingerprint = ns1KeyFingerprint(apiKey);
  }

  async send(request: Ns1Request): Promise<UpstreamResponse> {
    const principal = this.principal !== undefined ? { principal: this.principal } : {};
    return this.http.send({ ...request, headers: { 'x-nsone-key': this.apiKey }, rateKey: this.fingerprint, ...principal });
  }

  async call<S extends z.ZodType>(request: Ns1Request, schema: S, what: string): Promise<z.infer<S>> {
    const response = await this.send(request);
    const value = parseResponse('ns1', schema, response.body, what);
    return response.stale ? markStale(value, { provider: 'ns1', ageSeconds: response.stale.ageSeconds }) : value;
  }

  /** The documented alternative to the key header for invoice PDFs: sha1(key + invoice id + sent). */
  invoiceAuthToken(invoiceId: string, sent: number | string): string {
    return createHash('sha1').update(`${this.apiKey}${invoiceId}${sent}`).digest('hex');
  }
}

/** Reads NS1's `{"message": "..."}` error body. */
export function ns1ErrorMessage(body: unknown): string | undefined {
  if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string') return body.message;
  return undefined;
}
