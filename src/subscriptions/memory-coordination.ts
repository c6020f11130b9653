import { createPubSub } from 'graphql-yoga';
import type { Coordination, Lease, PollEvents } from './coordination.js';

const alwaysHeld: Lease = {
  acquire: async () => true,
  renew: async () => true,
  release: async () => undefined,
};

/**
 * One replica on its own: events go through an in-memory pub/sub and every key's poller runs here.
 * A channel keeps its own last event, so there is nothing more to store.
 */
export function createMemoryCoordination(): Coordination {
  const events: PollEvents = createPubSub();
  return {
    events,
    listening: async () => undefined,
    lease: () => alwaysHeld,
    leaseRenewalMs: undefined,
    lastEvent: async () => undefined,
    publish: async (_key, topic, event) => events.publish(topic, event),
    close: async () => undefined,
  };
}
