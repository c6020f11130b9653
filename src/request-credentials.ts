import type { Config } from './config.js';
import { GatewayError } from './errors/gateway-error.js';
import type { BuddyNsCredential } from './providers/buddyns/credential.js';

export const REQUEST_CREDENTIAL_HEADERS = { ns1: 'x-ns1-key', buddyns: 'x-buddyns-token' } as const;

export interface RequestCredentials {
  ns1Key: string | undefined;
  buddyns: BuddyNsCredential | undefined;
}

/** Server-configured credentials by default; `X-NS1-Key` / `X-BuddyNS-Token` replace them where the deployment allows. */
export function requestCredentials(config: Config, headers: Headers): RequestCredentials {
  const ns1Header = headers.get(REQUEST_CREDENTIAL_HEADERS.ns1)?.trim();
  const buddyHeader = headers.get(REQUEST_CREDENTIAL_HEADERS.buddyns)?.trim();
  if ((ns1Header || buddyHeader) && !config.allowRequestCredentials) {
    throw new GatewayError(
      'FORBIDDEN',
      'Per-request credentials (X-NS1-Key, X-BuddyNS-Token) are not allowed by this gateway; set ALLOW_REQUEST_CREDENTIALS=true to allow them',
    );
  }
  return {
    ns1Key: ns1Header || config.ns1.apiKey,
    buddyns: buddyHeader ? { kind: 'token', token: buddyHeader } : config.buddyns.credential,
  };
}
