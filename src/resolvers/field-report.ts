import type { ProviderId } from '../providers/upstream-error.js';

/** Where a provider's failure goes when the other provider's data is still worth answering with. */
export type ReportFailure = (error: unknown, below?: string) => void;

/** Passes a value through, noting it at the field's path when it is a provider's last good answer. */
export type NoteStale = <T>(value: T) => T;

export const freshOnly: NoteStale = (value) => value;

/** A provider that could not be asked or did not answer, as a zone's health names it. */
export interface ProviderGap {
  provider: ProviderId;
  error: unknown;
}
