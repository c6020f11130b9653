import { createPubSub } from 'graphql-yoga';
import type { Coordination, Lease, PollEvents } from './coordination.js';

const alwaysHeld: Lease = {
  acquire: () => Promise.resolve(true),
  renew: () => Promise.resolve(true),
  release: () => Promise.resolve(),
};

/**
 * One replica on its own: events go through an in-memory pub/sub and every key's poller runs here.
 * A channel keeps its own last event, so there is nothing more to store.
 */
export function createMemoryCoordination(): Coordination {
  const events: PollEvents = createPubSub();
  return {
    events,
    listening: () => Promise.resolve(),
    lease: () => alwaysHeld,
    leaseRenewalMs: undefined,
    lastEvent: () => Promise.resolve(undefined),
    // eslint-disable-next-line @typescript-eslint/require-await -- async keeps a throwing publish a rejection, as the interface promises
    publish: async (_key, topic, event) => events.publish(topic, event),
    // One replica: nobody else could take a lease.
    vacate: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}
