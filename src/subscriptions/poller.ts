import type { Logger } from '../logger.js';
import { retryDelayMs } from './backoff.js';
import { isFailure, sameFailure, toPollFailure, type PollEvent } from './poll-event.js';
import type { PollSource } from './poll-source.js';
import type { ScheduledTimer, Scheduler } from './scheduler.js';
import { wireFormat } from './wire-format.js';

export interface PollerDeps<T> {
  source: PollSource<T>;
  scheduler: Scheduler;
  logger: Logger;
  /** The newest event of the key, whoever polled it: numbering, comparison and the schedule follow it. */
  latest(): PollEvent<T> | undefined;
  /** Checked right before each poll, so a replica that lost its lease never polls. */
  stillLeading(): Promise<boolean>;
  publish(event: PollEvent<T>): Promise<void>;
  /** The lease went to another replica (or could not be renewed). */
  onLeadLost(): void;
}

/**
 * Polls one key while this replica leads it: at once (or when the interval since the last poll, by any
 * replica, is up), then once per interval. A failure is published once as an error event and polled
 * again with backoff; a value is published when it differs from the last one, or every time for sources
 * whose every sample is news.
 */
export class Poller<T> {
  private timer: ScheduledTimer | undefined;
  /** When the poll under way (or the next one) was due, before any slot moved it. */
  private due: number | undefined;
  /** Aborts the poll under way when the poller stops, wherever it waits (rate budget, connection, answer). */
  private poll: AbortController | undefined;
  /** How much earlier than a full interval the second poll comes, so pollers started together drift apart. */
  private phaseShiftMs = 0;
  private stopped = false;
  private failures = 0;
  /** What this poller published last: it counts even before the event has come back through the bus. */
  private published: PollEvent<T> | undefined;

  constructor(private readonly deps: PollerDeps<T>) {}

  start(): void {
    const { scheduler, source } = this.deps;
    const latest = this.deps.latest();
    if (latest?.final) return;
    if (!latest) this.phaseShiftMs = Math.min(source.intervalMs, Math.max(0, scheduler.jitterMs?.(source.intervalMs) ?? 0));
    const due = latest ? latest.at + source.intervalMs : scheduler.now();
    this.scheduleAt(due);
  }

  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
    this.timer = undefined;
    this.poll?.abort();
    this.poll = undefined;
  }

  /** Polls at `due`, or with `near` in the scheduler's slot nearest to it (a poll of the regular cadence). */
  private scheduleAt(due: number, near = false): void {
    if (this.stopped) return;
    const { scheduler, source } = this.deps;
    this.due = due;
    const tick = () => void this.tick();
    this.timer = near && scheduler.scheduleNear ? scheduler.scheduleNear(due, source.intervalMs, tick) : scheduler.schedule(due - scheduler.now(), tick);
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    const { scheduler, source, logger } = this.deps;
    let leading: boolean;
    try {
      leading = await this.deps.stillLeading();
    } catch (error) {
      logger.warn('subscription lease check failed', { key: source.key, error: String(error) });
      leading = false;
    }
    if (this.stopped) return;
    if (!leading) {
      this.stop();
      this.deps.onLeadLost();
      return;
    }
    const at = scheduler.now();
    let event: PollEvent<T>;
    let next: number;
    // After a failure the backoff (and the provider's Retry-After) is kept exactly, never a slot early.
    let regular = false;
    const poll = new AbortController();
    this.poll = poll;
    try {
      const value = await source.fetch(poll.signal);
      this.failures = 0;
      event = { seq: this.nextSeq(), at, value, final: source.isFinal?.(value) ?? false };
      // The cadence follows when polls were due, not when they ran: a poll that ran late (its slot, a busy process)
      // does not move the next ones, so pollers that share a slot keep sharing it. One later than half an
      // interval starts the cadence anew.
      const cadence = this.due !== undefined && at - this.due < source.intervalMs / 2 ? this.due : at;
      next = cadence + source.intervalMs - this.phaseShiftMs;
      // A poll that ran so late that its successor is already past (a first poll behind a busy process) keeps its
      // phase instead of polling at once: pollers started together would otherwise meet again at this moment.
      if (next < at) next += Math.ceil((at - next) / source.intervalMs) * source.intervalMs;
      this.phaseShiftMs = 0;
      regular = true;
    } catch (error) {
      this.failures += 1;
      const failure = toPollFailure(error);
      event = { seq: this.nextSeq(), at, failure, final: source.isFinalFailure?.(failure) ?? false };
      next = at + retryDelayMs(source.intervalMs, this.failures, failure.kind === 'upstream' ? failure.retryAfterSeconds : undefined);
      logger.debug('subscription poll failed', { key: source.key, failures: this.failures, error: failure.message });
    }
    if (this.poll === poll) this.poll = undefined;
    if (this.stopped) return;
    if (this.isNews(event)) {
      try {
        this.published = event;
        await this.deps.publish(event);
      } catch (error) {
        logger.warn('subscription event could not be published', { key: source.key, error: String(error) });
      }
    }
    if (event.final) return;
    this.scheduleAt(Math.max(next, scheduler.now()), regular);
  }

  private latest(): PollEvent<T> | undefined {
    const seen = this.deps.latest();
    return this.published && (!seen || this.published.seq > seen.seq) ? this.published : seen;
  }

  private nextSeq(): number {
    return (this.latest()?.seq ?? 0) + 1;
  }

  private isNews(event: PollEvent<T>): boolean {
    const latest = this.latest();
    if (!latest) return true;
    if (isFailure(event)) return event.final || !isFailure(latest) || !sameFailure(latest.failure, event.failure);
    if (isFailure(latest) || this.deps.source.everySample || event.final) return true;
    return wireFormat.stringify(latest.value) !== wireFormat.stringify(event.value);
  }
}
