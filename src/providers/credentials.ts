import { createHash } from 'node:crypto';
import type { Provider } from './provider.js';

/**
 * A stable, non-reversible name for a credential: the key of every cache, loader, poller and rate-limit
 * bucket, so one caller never shares another's data, and the secret itself is never stored or logged.
 */
export function fingerprint(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}

/** The fingerprint of a provider's credential, as the provider's client is keyed by it. */
export function credentialFingerprint<C>(provider: Provider<C>, credential: C): string {
  return fingerprint(provider.id, ...provider.identity(credential));
}
