import { randomUUID } from 'node:crypto';
import type { Repeater } from 'graphql-yoga';
import type { Logger } from '../logger.js';
import { BusOutage } from './bus-outage.js';
import { Channel } from './channel.js';
import type { Coordination } from './coordination.js';
import type { PollEvent } from './poll-event.js';
import type { PollSource } from './poll-source.js';
import { withPollSpan } from '../telemetry/poll-span.js';
import type { Scheduler } from './scheduler.js';
import { subscriberStream, type Subscriber } from './subscriber.js';

export interface SubscriptionHubDeps {
  coordination: Coordination;
  scheduler: Scheduler;
  logger: Logger;
}

/**
 * Every shared poller of one gateway replica. A subscriber joins the channel of its source's key; the
 * first to join opens it, the last to leave closes it.
 */
export class SubscriptionHub {
  private readonly channels = new Map<string, Channel<unknown>>();
  /** Every channel not yet fully closed, including those closing after their last subscriber left. */
  private readonly live = new Set<Channel<unknown>>();
  /** Runs of a subscription shared by several subscribers: each is one subscriber of its channel. */
  private readonly shared = new Set<{ readonly tapCount: number }>();
  private readonly replica = randomUUID();
  private channelCount = 0;
  private readonly outage: BusOutage;
  private closing: Promise<void> | undefined;

  constructor(private readonly deps: SubscriptionHubDeps) {
    this.outage = new BusOutage(deps.logger, () => this.channels.size);
  }

  /** What this replica serves now: subscribers, the keys they watch, and the keys it polls itself. */
  get load(): { subscribers: number; keys: number; polling: number } {
    const channels = [...this.channels.values()];
    return {
      subscribers: channels.reduce((sum, channel) => sum + channel.subscriberCount, 0) + [...this.shared].reduce((sum, run) => sum + run.tapCount - 1, 0),
      keys: channels.length,
      polling: channels.filter((channel) => channel.polling).length,
    };
  }

  /** Keys this replica has subscribers for. */
  get keys(): string[] {
    return [...this.channels.keys()];
  }

  /**
   * Adds a subscriber to the channel of a source's key: it receives the last event at once when there is
   * one, then each new one, until it leaves or the hub closes. Returns how it leaves; a closed hub ends it
   * at once. Shutdown ends every channel's subscribers: no listener on a hub-wide signal per subscriber.
   */
  join<T>(source: PollSource<T>, subscriber: Subscriber<T>): (() => void) | undefined {
    if (this.closing) {
      subscriber.end();
      return undefined;
    }
    const channel = this.channelFor(source);
    channel.join(subscriber);
    return () => channel.leave(subscriber);
  }

  /** Counts the subscribers of a shared run of a subscription, until the returned function is called. */
  share(run: { readonly tapCount: number }): () => void {
    this.shared.add(run);
    return () => this.shared.delete(run);
  }

  /** The events of a source for one subscriber, until `signal` aborts, the hub closes or the consumer returns. */
  watch<T>(source: PollSource<T>, signal: AbortSignal): Repeater<PollEvent<T>> {
    return subscriberStream<T, PollEvent<T>>(
      (subscriber) => this.join(source, subscriber),
      signal,
      (event) => [event],
      false,
    );
  }

  /** Ends every subscription, stops every poller and gives up every lease. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      // Channels whose last subscriber has just left may still be giving up their lease: wait for them too.
      await Promise.all([...this.live].map((channel) => channel.close()));
      await this.deps.coordination.close();
    })();
    return this.closing;
  }

  private channelFor<T>(source: PollSource<T>): Channel<T> {
    const existing = this.channels.get(source.key);
    if (existing) return existing as Channel<T>;
    const channel: Channel<T> = new Channel<T>(withPollSpan(source), {
      ...this.deps,
      outage: this.outage,
      holder: `${this.replica}/${++this.channelCount}`,
      onClosing: () => {
        if (this.channels.get(source.key) === channel) this.channels.delete(source.key);
      },
    });
    this.channels.set(source.key, channel);
    this.live.add(channel);
    void channel.closed.then(() => this.live.delete(channel as Channel<unknown>));
    channel.open().catch((error: unknown) => this.deps.logger.error('subscription channel failed to open', { key: source.key, error: String(error) }));
    return channel;
  }
}
