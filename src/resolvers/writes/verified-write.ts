import { setTimeout as sleep } from 'node:timers/promises';
import { UpstreamError, type ProviderId } from '../../providers/upstream-error.js';

/** What a fresh read of the provider says about a write. */
export type Observed<T> = { state: 'applied'; value: T } | { state: 'absent' } | { state: 'different'; detail: string };

/** One provider call whose outcome the gateway can check by reading the provider's state afterwards. */
export interface VerifiedWrite<T> {
  provider: ProviderId;
  /** Sends the write once: the provider client sends it with `retry: false`. */
  send(): Promise<T>;
  /** Reads the provider's current state and says whether the write is there. */
  observe(): Promise<Observed<T>>;
}

export type WriteResult<T> =
  | { state: 'applied'; value: T }
  /** Verified not to have happened (the provider refused it, or a re-read shows it absent). */
  | { state: 'failed'; error: unknown }
  | { state: 'different'; error: unknown; detail: string }
  /** Neither the answer nor a re-read arrived. */
  | { state: 'unknown'; error: unknown; readError: unknown };

export interface WritePolicy {
  /** Attempts in all, the first included; a repeat is sent only after a re-read shows the write absent. */
  attempts: number;
  backoffMs?: number;
}

/**
 * A provider's refusal of the first attempt: the write did not happen. Anything else (no answer, a 5xx, an
 * answer that cannot be read, or a refusal of a repeat, which may be "already exists" or 404 to the
 * earlier attempt itself) leaves the outcome open until the provider's state is read again.
 */
export function definitelyRefused(error: unknown, attempt: number): boolean {
  if (!(error instanceof UpstreamError)) return false;
  if (error.status === 429) return true;
  return attempt === 1 && error.status >= 400 && error.status < 500;
}

export const transient = (error: unknown) => error instanceof UpstreamError && (error.status === 0 || error.status >= 500 || error.status === 429);

/** Sends a write; when its outcome is unknown, decides from the provider's state, repeating it only when it is verified absent. */
export async function applyWrite<T>(write: VerifiedWrite<T>, policy: WritePolicy): Promise<WriteResult<T>> {
  for (let attempt = 1; ; attempt++) {
    let error: unknown;
    try {
      return { state: 'applied', value: await write.send() };
    } catch (caught) {
      error = caught;
    }
    if (definitelyRefused(error, attempt)) return { state: 'failed', error };
    let observed: Observed<T>;
    try {
      observed = await write.observe();
    } catch (readError) {
      return { state: 'unknown', error, readError };
    }
    if (observed.state === 'applied') return observed;
    if (observed.state === 'different') return { state: 'different', error, detail: observed.detail };
    if (attempt >= policy.attempts || !transient(error)) return { state: 'failed', error };
    await sleep((policy.backoffMs ?? 100) * 2 ** (attempt - 1));
  }
}
