import { fingerprint } from '../providers/credentials.js';
import type { PollFailure } from './poll-event.js';

/** One resource that subscribers watch through a shared poller. */
export interface PollSource<T> {
  /**
   * Names the poller: credential fingerprint, resource and interval. Subscribers with the same key share
   * one poller; a different credential always makes a different key.
   */
  readonly key: string;
  readonly intervalMs: number;
  /** One poll; `signal` aborts when the poller stops, so a poll still waiting for its turn never goes upstream. */
  fetch(signal: AbortSignal): Promise<T>;
  /** Every sample is news (QPS), rather than only a value that differs from the last. */
  readonly everySample?: boolean;
  /** A value after which nothing changes any more (a finished import): polling ends with it. */
  isFinal?(value: T): boolean;
  /** A failure no later poll can mend (an import job that does not exist): polling ends with it. */
  isFinalFailure?(failure: PollFailure): boolean;
}

/**
 * Whose data a poller fetches: the credential at one provider endpoint. Two deployments that share a Redis
 * and a key but talk to different endpoints (a staging API, a sandbox) never share a poller.
 */
export function accountScope(endpoint: string, credentialFingerprint: string): string {
  return fingerprint(endpoint, credentialFingerprint);
}

/** A poller key from its parts (provider, credential fingerprint, resource..., interval), unambiguous. */
export function pollKey(...parts: Array<string | number>): string {
  return parts.map((part) => encodeURIComponent(String(part))).join(':');
}
