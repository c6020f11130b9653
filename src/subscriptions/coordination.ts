import type { PubSub } from 'graphql-yoga';
import type { PollEvent } from './poll-event.js';

/** What a replica giving up a key's lease publishes on its topic, beside the key's events. */
export interface Vacated {
  vacated: true;
}

export type PollEvents = PubSub<Record<string, [PollEvent<unknown> | Vacated]>>;

export const isVacated = (message: unknown): message is Vacated => typeof message === 'object' && message !== null && 'vacated' in message;

/** The right to poll one key: held by one replica at a time. */
export interface Lease {
  acquire(): Promise<boolean>;
  /** After an acquire that found the lease held by another replica: how long until it expires unrenewed. */
  readonly freeInMs?: number | undefined;
  /** Extends a held lease; false when it has expired or passed to another replica. */
  renew(): Promise<boolean>;
  release(): Promise<void>;
}

/**
 * What replicas share so that one poller serves them all: the event bus, the lease per key and the last
 * event per key (what a subscriber joining on another replica sees at once).
 */
export interface Coordination {
  readonly events: PollEvents;
  /** Resolves once events published on `topic` from now on reach this replica. */
  listening(topic: string): Promise<void>;
  lease(key: string, holder: string): Lease;
  /** How often a holder renews its leases and others try to take them; undefined when leases never change hands. */
  readonly leaseRenewalMs: number | undefined;
  /** The last event of a key, or undefined. */
  lastEvent(key: string): Promise<PollEvent<unknown> | undefined>;
  /** Publishes an event on a topic and keeps it as the key's last for `keepMs`. */
  publish(key: string, topic: string, event: PollEvent<unknown>, keepMs: number): Promise<void>;
  /** Tells the other replicas on a topic that its lease was given up, so one takes it now rather than at its next try. */
  vacate(topic: string): Promise<void>;
  close(): Promise<void>;
}
