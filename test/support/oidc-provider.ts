import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider from 'oidc-provider';

export const AUDIENCE = 'https://dnsgraph.test';
export const OTHER_AUDIENCE = 'https://another-api.test';
const ALL_SCOPES = 'dns:read dns:write monitoring:read monitoring:write data:read data:write account:read account:write billing:read billing:write';

export interface TestClient {
  id: string;
  /** The zones claim of this client's tokens; absent means the claim is left out (every zone). */
  zones?: string[];
}

export interface TestIdentityProvider {
  issuer: string;
  /** The signing keys, to start another provider with the same keys under another issuer. */
  keys: JWK[];
  /** A client-credentials access token (a JWT for `resource`, by default dnsgraph's audience). */
  token(clientId: string, scopes: string[], options?: { resource?: string }): Promise<string>;
  /** Replaces the signing key, as a provider does when it rotates keys: new tokens carry a new `kid`. */
  rotateKeys(): Promise<void>;
  close(): Promise<void>;
}

async function signingKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  return { ...(await exportJWK(privateKey)), alg: 'ES256', use: 'sig', kid: `key-${Math.random().toString(36).slice(2, 10)}` };
}

/**
 * A real OpenID Provider (oidc-provider) on a loopback port: client-credentials grant, JWT access tokens for
 * the dnsgraph resource server with the requested scopes and a `dnsgraph_zones` claim per client.
 */
export async function startIdentityProvider(options: { clients: TestClient[]; keys?: JWK[]; ttlSeconds?: number }): Promise<TestIdentityProvider> {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const zonesOf = new Map(options.clients.map((c) => [c.id, c.zones]));
  let keys = options.keys ?? [await signingKey()];

  const build = () => {
    const provider = new Provider(issuer, {
      clients: options.clients.map((c) => ({
        client_id: c.id,
        client_secret: `secret-of-${c.id}`,
        grant_types: ['client_credentials'],
        redirect_uris: [],
        response_types: [],
        scope: ALL_SCOPES,
        id_token_signed_response_alg: 'ES256',
      })),
      jwks: { keys },
      scopes: ALL_SCOPES.split(' '),
      ttl: { ClientCredentials: options.ttlSeconds ?? 300 },
      features: {
        clientCredentials: { enabled: true },
        devInteractions: { enabled: false },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => AUDIENCE,
          useGrantedResource: () => true,
          getResourceServerInfo: (_ctx, resource) => ({
            scope: ALL_SCOPES,
            audience: resource,
            accessTokenTTL: options.ttlSeconds ?? 300,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'ES256' } },
          }),
        },
      },
      extraTokenClaims: (_ctx, token) => {
        const zones = zonesOf.get(String((token as { clientId?: string }).clientId));
        return zones ? { dnsgraph_zones: zones } : {};
      },
    });
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- koa settles every request itself; node has no use for the promise
    handler = provider.callback();
  };
  build();

  return {
    issuer,
    get keys() {
      return keys;
    },
    async token(clientId, scopes, tokenOptions = {}) {
      const body = new URLSearchParams({ grant_type: 'client_credentials', scope: scopes.join(' '), resource: tokenOptions.resource ?? AUDIENCE });
      const response = await fetch(`${issuer}/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${clientId}:secret-of-${clientId}`).toString('base64')}`,
        },
        body,
      });
      const json = (await response.json()) as { access_token?: string; error?: string; error_description?: string };
      if (!json.access_token) throw new Error(`token request failed: ${json.error} ${json.error_description}`);
      return json.access_token;
    },
    async rotateKeys() {
      keys = [await signingKey()];
      build();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
