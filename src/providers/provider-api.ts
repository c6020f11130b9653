import type { z } from 'zod';
import { credentialFingerprint } from './credentials.js';
import type { HttpClient, UpstreamRequest, UpstreamResponse } from './http.js';
import type { OperationScope } from './operation-scope.js';
import { parseResponse } from './parse-response.js';
import type { Provider } from './provider.js';
import { markStale } from './stale-responses.js';

/** A request as an endpoint module writes it: the client adds the credential, its rate key and principal. */
export type ProviderRequest = Omit<UpstreamRequest, 'headers' | 'rateKey' | 'principal' | 'scope' | 'deadline'>;

/** What an endpoint module may do with the client it belongs to: send requests, never read the credential. */
export interface ProviderCalls {
  readonly endpoint: string;
  send(request: ProviderRequest): Promise<UpstreamResponse>;
  call<S extends z.ZodType>(request: ProviderRequest, schema: S, what: string): Promise<z.output<S>>;
}

/**
 * A provider's API bound to one credential at one endpoint. Both provider clients extend it and hang their
 * endpoint modules on it; the credential travels only in the headers the provider defines, and every request
 * draws from the credential's rate budget (and its principal's share of it).
 */
export class ProviderApi<C> implements ProviderCalls {
  readonly fingerprint: string;
  private readonly authHeaders: Record<string, string>;

  constructor(
    private readonly http: HttpClient,
    private readonly provider: Provider<C>,
    protected readonly credential: C,
    /** The base URL the HttpClient speaks to, e.g. `https://api.nsone.net/v1`. */
    readonly endpoint: string,
    /** Whose requests these are, for the fair share of the credential's rate budget. */
    private readonly principal?: string,
    /** The operation whose requests these are: its deadline ends them, and they are counted in it. */
    private readonly scope?: OperationScope,
    /** The credential's fingerprint, where the caller already knows it. */
    fingerprint?: string,
  ) {
    this.fingerprint = fingerprint ?? credentialFingerprint(provider, credential);
    this.authHeaders = provider.authHeaders(credential);
  }

  send(request: ProviderRequest): Promise<UpstreamResponse> {
    // Fields before the spread: V8 builds a literal that adds fields after a spread many times slower (µs, not ns).
    return this.http.send({ headers: this.authHeaders, rateKey: this.fingerprint, principal: this.principal, scope: this.scope, ...request });
  }

  /** Sends the request and parses the answer with the endpoint's schema; a stale answer stays marked as such. */
  async call<S extends z.ZodType>(request: ProviderRequest, schema: S, what: string): Promise<z.output<S>> {
    const response = await this.send(request);
    const value = parseResponse(this.provider.id, schema, response, what);
    return response.stale ? markStale(value, { provider: this.provider.id, ageSeconds: response.stale.ageSeconds }) : value;
  }
}
