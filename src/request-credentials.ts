import type { Config } from './config.js';
import { GatewayError } from './errors/gateway-error.js';
import { buddyNsProvider, type BuddyNsCredential } from './providers/buddyns/provider.js';
import { credentialFingerprint } from './providers/credentials.js';
import { ns1Provider } from './providers/ns1/provider.js';
import { bareBuddyNsToken } from './domain/buddyns-token.js';

export const REQUEST_CREDENTIAL_HEADERS = { ns1: 'x-ns1-key', buddyns: 'x-buddyns-token' } as const;

export interface RequestCredentials {
  ns1Key: string | undefined;
  buddyns: BuddyNsCredential | undefined;
}

/**
 * `CREDENTIALS=server`: the operator's accounts, and a caller's credential header is refused.
 * `CREDENTIALS=caller`: only what the caller sent, per provider; a provider without its header is absent for
 * that caller and never falls back to the operator's account. The sandbox's demo credentials are no secret,
 * so there a caller's header replaces them for its provider.
 */
export function requestCredentials(config: Config, headers: Headers): RequestCredentials {
  const ns1Header = headers.get(REQUEST_CREDENTIAL_HEADERS.ns1)?.trim() || undefined;
  const buddyHeader = headers.get(REQUEST_CREDENTIAL_HEADERS.buddyns)?.trim() || undefined;
  const buddyFromHeader: BuddyNsCredential | undefined = buddyHeader ? { kind: 'token', token: bareBuddyNsToken(buddyHeader) } : undefined;
  if (config.credentials === 'caller') return { ns1Key: ns1Header, buddyns: buddyFromHeader };
  if ((ns1Header || buddyHeader) && !config.allowRequestCredentials) {
    throw new GatewayError(
      'FORBIDDEN',
      "Callers' own credentials (X-NS1-Key, X-BuddyNS-Token) are not accepted by this gateway, which uses its own provider accounts; set CREDENTIALS=caller to require them instead",
    );
  }
  return { ns1Key: ns1Header ?? config.ns1.apiKey, buddyns: buddyFromHeader ?? config.buddyns.credential };
}

/** Fingerprints of credentials per provider, the server's own computed once rather than per request. */
export interface CredentialFingerprints {
  ns1(key: string): string;
  buddyns(credential: BuddyNsCredential): string;
}

export function credentialFingerprints(config: Config): CredentialFingerprints {
  const serverNs1 = config.ns1.apiKey ? credentialFingerprint(ns1Provider, config.ns1.apiKey) : undefined;
  const serverBuddyns = config.buddyns.credential ? credentialFingerprint(buddyNsProvider, config.buddyns.credential) : undefined;
  return {
    ns1: (key) => (key === config.ns1.apiKey && serverNs1 ? serverNs1 : credentialFingerprint(ns1Provider, key)),
    buddyns: (credential) => (credential === config.buddyns.credential && serverBuddyns ? serverBuddyns : credentialFingerprint(buddyNsProvider, credential)),
  };
}

/**
 * The fingerprints of the provider credentials a request uses (`-` for none), as `ns1|buddyns`: callers
 * with the same value read the same accounts. Throws as `requestCredentials` does for refused headers.
 */
export function credentialsKeyOf(config: Config): (headers: Headers) => string {
  const fingerprints = credentialFingerprints(config);
  return (headers) => {
    const { ns1Key, buddyns } = requestCredentials(config, headers);
    return `${ns1Key ? fingerprints.ns1(ns1Key) : '-'}|${buddyns ? fingerprints.buddyns(buddyns) : '-'}`;
  };
}
