import { fingerprint } from '../credentials.js';

export type BuddyNsCredential = { kind: 'token'; token: string } | { kind: 'basic'; user: string; password: string };

export function authorizationHeader(credential: BuddyNsCredential): string {
  return credential.kind === 'token' ? `Token ${credential.token}` : `Basic ${Buffer.from(`${credential.user}:${credential.password}`).toString('base64')}`;
}

export function credentialFingerprint(credential: BuddyNsCredential): string {
  return credential.kind === 'token'
    ? fingerprint('buddyns', 'token', credential.token)
    : fingerprint('buddyns', 'basic', credential.user, credential.password);
}
