import type { ProviderId } from './upstream-error.js';

/** Said of a value that came from the last good response because the provider could not answer now. */
export interface StaleMark {
  provider: ProviderId;
  ageSeconds: number;
}

const marks = new WeakMap<object, StaleMark>();

export function markStale<T>(value: T, mark: StaleMark): T {
  if (value !== null && typeof value === 'object') marks.set(value, mark);
  return value;
}

/** How old the value is when it is a stale answer; undefined for a fresh one. */
export function staleMarkOf(value: unknown): StaleMark | undefined {
  return value !== null && typeof value === 'object' ? marks.get(value) : undefined;
}

interface Kept<R> {
  response: R;
  at: number;
}

/**
 * The last successful response per credential and resource (RFC 5861's stale-if-error), kept for a bounded
 * number of resources, oldest forgotten first.
 */
export class StaleResponses<R> {
  private readonly kept = new Map<string, Kept<R>>();

  constructor(
    private readonly maxAgeMs: number,
    private readonly maxEntries = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  remember(key: string, response: R): void {
    this.kept.delete(key);
    this.kept.set(key, { response, at: this.now() });
    if (this.kept.size > this.maxEntries) this.kept.delete(this.kept.keys().next().value as string);
  }

  /** The kept response and its age, when it is young enough to answer with. */
  recall(key: string): { response: R; ageSeconds: number } | undefined {
    const kept = this.kept.get(key);
    if (!kept) return undefined;
    const ageMs = this.now() - kept.at;
    if (ageMs > this.maxAgeMs) return undefined;
    return { response: kept.response, ageSeconds: Math.floor(ageMs / 1000) };
  }
}
