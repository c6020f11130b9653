import { deadlineIn, type Deadline } from './deadline.js';
import type { ProviderId } from './upstream-error.js';

/** A request that changed, or tried to change, something at a provider. */
export interface ProviderWrite {
  provider: ProviderId;
  method: string;
  path: string;
  /** 0 when no answer came. */
  status: number;
}

/**
 * What one operation (or one subscription poll) shares with every upstream request it makes: when its
 * upstream work must be over, and what it sent. The provider clients of an operation carry it into each
 * request they send; nothing else ties a request to its operation.
 */
export class OperationScope {
  deadline: Deadline | undefined;
  /** Upstream requests sent, retries included, by provider. */
  readonly calls: Partial<Record<ProviderId, number>> = {};
  /** Every request other than a GET, and every GET with side effects (BuddyNS SyncNOW), in the order they were answered. */
  readonly writes: ProviderWrite[] = [];

  /** Starts the operation's deadline: its upstream work ends `ms` from now. */
  startDeadline(ms: number): void {
    this.deadline = deadlineIn(ms);
  }

  sent(provider: ProviderId): void {
    this.calls[provider] = (this.calls[provider] ?? 0) + 1;
  }

  answered(provider: ProviderId, request: { method: string; path: string; sideEffects?: boolean }, status: number): void {
    const { method, path } = request;
    if (request.sideEffects || (method !== 'GET' && method !== 'HEAD')) this.writes.push({ provider, method, path, status });
  }
}
