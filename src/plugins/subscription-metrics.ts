import { Gauge, type Registry } from 'prom-client';
import type { SubscriptionHub } from '../subscriptions/hub.js';

/** Gauges of the shared pollers, read from the hub whenever `/metrics` is scraped. */
export function registerSubscriptionMetrics(registry: Registry, hub: SubscriptionHub): void {
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  gauge('dnsgraph_subscribers', 'Open subscriptions on this replica.', () => hub.load.subscribers);
  gauge('dnsgraph_subscription_keys', 'Distinct pollers (credential, resource, interval) the subscriptions on this replica watch.', () => hub.load.keys);
  gauge('dnsgraph_subscription_pollers_leading', 'Pollers this replica runs itself; with Redis, the others run on another replica.', () => hub.load.polling);
}
