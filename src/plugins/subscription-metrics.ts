import type { ExecutionArgs, ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { Gauge, type Counter, type Histogram, type Registry } from 'prom-client';
import type { SubscriptionHub } from '../subscriptions/hub.js';
import { withEndOf } from '../subscriptions/shared-stream.js';

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

/** What the Prometheus plugin labels an operation by, before a label function bounds it. */
export interface OperationParams {
  operationName: string;
  operationType: string | undefined;
}

export interface SubscriptionOperationMetrics {
  duration: Histogram<'operationType' | 'operationName'>;
  errors: Counter<'operationType' | 'operationName' | 'phase'>;
  durationLabels: (params: OperationParams) => Record<'operationType' | 'operationName', string>;
  errorLabels: (params: OperationParams) => Record<'operationType' | 'operationName' | 'phase', string>;
}

/**
 * As the Prometheus plugin names an operation: the requested operation name, else the name of the document's
 * first definition, else `Anonymous`, and the type of that first definition.
 */
function paramsOf({ document, contextValue }: ExecutionArgs): OperationParams {
  const first = document.definitions[0] as { name?: { value: string }; operation?: string } | undefined;
  const requested = (contextValue as { params?: { operationName?: string } } | undefined)?.params?.operationName;
  return { operationName: requested || first?.name?.value || 'Anonymous', operationType: first?.operation };
}

/**
 * The subscribe phase of the operation duration and the errors counter, observed as the Prometheus plugin
 * observes them (the time from subscribe to the stream's end, each error of each result, a failed subscribe),
 * with one closure per subscription rather than the plugin's handler lists: a subscription keeps them for
 * its whole life. Labels are made when a value is observed, not kept.
 */
export function useSubscriptionOperationMetrics(metrics: SubscriptionOperationMetrics): Plugin {
  const { duration, errors, durationLabels, errorLabels } = metrics;
  const countErrors = ({ args, result }: { args: ExecutionArgs; result: ExecutionResult }) => {
    const count = result.errors?.length;
    if (count) errors.inc(errorLabels(paramsOf(args)), count);
  };
  return {
    onSubscribe({ args }) {
      const started = Date.now();
      // One closure for every moment it observes, since a subscription keeps its hooks for its whole life: the
      // subscribe's result (a payload with `result`), a failed subscribe or stream (one with `error`), and the
      // stream's end (no payload).
      const observe = (payload?: { args: ExecutionArgs; result: unknown } | { error: unknown }) => {
        if (payload === undefined) {
          duration.observe(durationLabels(paramsOf(args)), (Date.now() - started) / 1000);
          return undefined;
        }
        if (!('result' in payload)) {
          errors.inc(errorLabels(paramsOf(args)));
          return undefined;
        }
        const { result } = payload;
        if (isAsyncIterable(result)) return withEndOf(result, observe, { onNext: countErrors });
        countErrors({ args: payload.args, result: result as ExecutionResult });
        observe();
        return undefined;
      };
      return { onSubscribeResult: observe, onSubscribeError: observe };
    },
  };
}
