import { GatewayError } from '../errors/gateway-error.js';
import type { Logger } from '../logger.js';
import type { BusOutage } from './bus-outage.js';
import { isVacated, type Coordination, type Lease, type Vacated } from './coordination.js';
import { toPollFailure, type PollEvent } from './poll-event.js';
import type { PollSource } from './poll-source.js';
import { Poller } from './poller.js';
import type { ScheduledTimer, Scheduler } from './scheduler.js';
import type { Subscriber } from './subscriber.js';

/** How long after a lease's expiry a replica waiting for it tries again: past the expiry, however Redis rounds it. */
const LEASE_EXPIRY_MARGIN_MS = 20;

export interface ChannelDeps {
  coordination: Coordination;
  scheduler: Scheduler;
  logger: Logger;
  /** This replica's view of whether the bus can be reached, shared by its channels. */
  outage: BusOutage;
  /** Names this channel's lease: unique per channel, so a replica never mistakes an old lease for its own. */
  holder: string;
  /** Called as the channel starts closing, so the next subscriber of its key opens a new one. */
  onClosing(): void;
}

/**
 * One key on this replica: its local subscribers, the last event they got, and this replica's part in
 * polling it. Events reach the subscribers only through the bus, whoever polled them.
 */
export class Channel<T> {
  private readonly subscribers = new Set<Subscriber<T>>();
  private readonly lease: Lease;
  private readonly topic: string;
  private latest: PollEvent<T> | undefined;
  private poller: Poller<T> | undefined;
  /** This channel took the lease and has not seen it lapse. */
  private held = false;
  private keeper: ScheduledTimer | undefined;
  /** Subscribers were told that the bus cannot be reached, and it has not answered since. */
  private busLost = false;
  private bus: AsyncIterator<PollEvent<unknown> | Vacated> | undefined;
  private closing: Promise<void> | undefined;
  private markClosed: () => void = () => undefined;
  /** Resolves once the channel has closed: polling stopped, the bus left and the lease given up. */
  readonly closed = new Promise<void>((resolve) => (this.markClosed = resolve));

  constructor(
    private readonly source: PollSource<T>,
    private readonly deps: ChannelDeps,
  ) {
    this.lease = deps.coordination.lease(source.key, deps.holder);
    this.topic = `dnsgraph:events:${source.key}`;
  }

  /**
   * Listens on the bus, catches up with the last event, then polls if this replica gets the lease.
   * Without a working bus no event could ever arrive: subscribers are told so, and their streams end.
   */
  async open(): Promise<void> {
    const { coordination, logger, scheduler } = this.deps;
    try {
      const bus = coordination.events.subscribe(this.topic)[Symbol.asyncIterator]();
      this.bus = bus;
      // The bus starts listening on its first read.
      const first = bus.next();
      void this.pump(bus, first);
      await coordination.listening(this.topic);
    } catch (error) {
      logger.error('subscription event bus unavailable', { key: this.source.key, error: String(error) });
      const unavailable = new GatewayError('UPSTREAM_ERROR', 'Subscriptions are unavailable: the event bus cannot be reached; subscribe again later');
      this.receive({ seq: (this.latest?.seq ?? 0) + 1, at: scheduler.now(), failure: toPollFailure(unavailable), final: true });
      await this.close();
      return;
    }
    if (this.closing) return;
    this.receive(await this.lastEvent());
    if (this.closing) return;
    await this.contend();
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** This replica polls the key (it holds the lease and has not settled). */
  get polling(): boolean {
    return this.poller !== undefined;
  }

  /** Adds a subscriber, handing it the last event at once when there is one. */
  join(subscriber: Subscriber<T>): void {
    this.subscribers.add(subscriber);
    if (this.latest) subscriber.receive(this.latest);
  }

  leave(subscriber: Subscriber<T>): void {
    if (!this.subscribers.delete(subscriber)) return;
    if (this.subscribers.size === 0) void this.close();
  }

  /** Stops polling (no timer left behind), gives the lease up and ends every subscriber's stream. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      try {
        this.deps.onClosing();
        this.deps.outage.forget(this.source.key);
        this.keeper?.cancel();
        this.keeper = undefined;
        this.stopPolling();
        const ending = [...this.subscribers];
        this.subscribers.clear();
        for (const subscriber of ending) subscriber.end();
        await this.bus?.return?.();
        if (this.held) {
          await this.release();
          // Replicas whose subscribers still want the key take it over at once.
          if (!this.isSettled()) await this.deps.coordination.vacate(this.topic).catch(() => undefined);
        }
      } finally {
        this.markClosed();
      }
    })();
    return this.closing;
  }

  private async pump(bus: AsyncIterator<PollEvent<unknown> | Vacated>, first: Promise<IteratorResult<PollEvent<unknown> | Vacated>>): Promise<void> {
    try {
      for (let result = await first; !result.done; result = await bus.next()) {
        if (isVacated(result.value)) this.contendNow();
        else this.receive(result.value as PollEvent<T>);
      }
    } catch (error) {
      this.deps.logger.error('subscription event bus failed', { key: this.source.key, error: String(error) });
    }
  }

  private receive(event: PollEvent<T> | undefined): void {
    if (!event || this.closing || (this.latest && event.seq <= this.latest.seq)) return;
    this.latest = event;
    for (const subscriber of this.subscribers) subscriber.receive(event);
    if (this.isSettled()) this.stopPolling();
  }

  private isSettled(): boolean {
    return this.latest?.final === true;
  }

  private async lastEvent(): Promise<PollEvent<T> | undefined> {
    try {
      return (await this.deps.coordination.lastEvent(this.source.key)) as PollEvent<T> | undefined;
    } catch (error) {
      this.deps.logger.warn('subscription last event unavailable', { key: this.source.key, error: String(error) });
      return undefined;
    }
  }

  /** Another replica gave the lease up: try for it now rather than at the next scheduled try. */
  private contendNow(): void {
    if (this.closing || this.isSettled() || this.held) return;
    this.keeper?.cancel();
    void this.contend();
  }

  /** Takes the lease if it is free, or renews it if held; then checks again a while later. */
  private async contend(): Promise<void> {
    this.keeper = undefined;
    if (this.closing || this.isSettled()) return;
    try {
      if (this.held ? await this.lease.renew() : await this.lease.acquire()) {
        if (!this.held) this.deps.logger.debug('subscription poller lease taken', { key: this.source.key });
        this.busBack();
        this.held = true;
        if (!this.poller) await this.lead();
      } else {
        this.busBack();
        this.lapse();
      }
    } catch (error) {
      this.busUnreachable(error);
    }
    const every = this.deps.coordination.leaseRenewalMs;
    if (every !== undefined && !this.closing && !this.isSettled()) {
      // A replica without the lease tries again when it would expire unrenewed (its holder may have died), or sooner.
      const freeInMs = this.held ? undefined : this.lease.freeInMs;
      const next = this.held ? every : Math.min(every * 1.5, freeInMs === undefined ? Infinity : freeInMs + LEASE_EXPIRY_MARGIN_MS);
      this.keeper = this.deps.scheduler.schedule(next, () => void this.contend());
    }
  }

  private async lead(): Promise<void> {
    // The previous holder may have polled since this replica last heard: continue from its last event.
    this.receive(await this.lastEvent());
    if (this.closing || this.isSettled()) {
      await this.release();
      return;
    }
    const { coordination, scheduler, logger } = this.deps;
    const keepMs = 2 * this.source.intervalMs + (coordination.leaseRenewalMs ?? 0) * 3;
    this.poller = new Poller<T>({
      source: this.source,
      scheduler,
      logger,
      latest: () => this.latest,
      // A renewal or publication that fails (Redis gone or not answering) pauses the key as a failed try for the lease does.
      stillLeading: () =>
        this.lease.renew().then(
          (leading) => {
            this.busBack();
            return leading;
          },
          (error: unknown) => {
            this.busUnreachable(error);
            return false;
          },
        ),
      publish: (event) =>
        coordination.publish(this.source.key, this.topic, event, keepMs).catch((error: unknown) => {
          this.busUnreachable(error);
        }),
      onLeadLost: () => this.lapse(),
    });
    this.poller.start();
  }

  /** Unsure whether the lease still holds: stop polling until a renewal or a new lease says so. */
  private busUnreachable(error: unknown): void {
    this.deps.outage.lost(this.source.key, error);
    this.stopPolling();
    this.tellBusLost();
  }

  private busBack(): void {
    this.busLost = false;
    this.deps.outage.back(this.source.key);
  }

  /**
   * No replica can poll or publish while the bus is away: the subscribers hear it once, as an error event, rather
   * than a silence they cannot tell from a quiet zone. Their streams stay open, and events resume with the bus. The
   * notice is not the channel's latest event, so it neither reaches later subscribers nor holds back the next seq.
   */
  private tellBusLost(): void {
    if (this.busLost || this.closing || this.isSettled()) return;
    this.busLost = true;
    const paused = new GatewayError('UPSTREAM_ERROR', 'Subscription updates are paused: the event bus cannot be reached; they resume when it is back');
    const notice: PollEvent<T> = { seq: this.latest?.seq ?? 0, at: this.deps.scheduler.now(), failure: toPollFailure(paused), final: false };
    for (const subscriber of this.subscribers) subscriber.receive(notice);
  }

  private stopPolling(): void {
    this.poller?.stop();
    this.poller = undefined;
  }

  /** The lease expired or went to another replica: stop polling, and try for it again later. */
  private lapse(): void {
    if (this.held) this.deps.logger.debug('subscription poller lease lost', { key: this.source.key });
    this.held = false;
    this.stopPolling();
  }

  private async release(): Promise<void> {
    this.held = false;
    try {
      await this.lease.release();
    } catch (error) {
      this.deps.logger.warn('subscription lease release failed', { key: this.source.key, error: String(error) });
    }
  }
}
