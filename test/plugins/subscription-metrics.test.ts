import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { createMetrics, useMetrics } from '../../src/plugins/use-metrics.js';
import { metricSeries } from '../support/metric-series.js';

const DURATION = 'dnsgraph_graphql_operation_duration_seconds';
const ERRORS = 'dnsgraph_graphql_errors_total';

const schema = createSchema({
  typeDefs: 'type Query { ok: Boolean } type Subscription { ticks: Int, refused: Int, erring: Int }',
  resolvers: {
    Subscription: {
      ticks: {
        subscribe: async function* () {
          for (let tick = 1; ; tick++) {
            yield { ticks: tick };
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
        },
      },
      refused: {
        subscribe: () => {
          throw new Error('not now');
        },
      },
      erring: {
        subscribe: async function* () {
          await Promise.resolve();
          yield { erring: 1 };
        },
        resolve: () => {
          throw new Error('bad event');
        },
      },
    },
  },
});

function yogaWithMetrics() {
  const metrics = createMetrics();
  const yoga = createYoga({ schema, logging: false, maskedErrors: false, plugins: [useMetrics(metrics, schema)] });
  const subscribe = (body: object, signal?: AbortSignal) =>
    yoga.fetch('http://yoga.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify(body),
      signal,
    });
  const series = (name: string) => metricSeries(metrics.registry, name);
  return { subscribe, series };
}

describe('the subscribe phase of the operation metrics', () => {
  it('times a subscription from subscribe to its end, not before, under the operation name it asked for', async () => {
    const { subscribe, series } = yogaWithMetrics();
    const leave = new AbortController();
    const response = await subscribe({ query: 'subscription First { ticks } subscription Second { ticks }', operationName: 'Second' }, leave.signal);
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    const text = first.includes('"ticks":1') ? first : first + new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('"ticks":1');
    expect(await series(`${DURATION}_count`)).toEqual([]);
    await reader.cancel();
    await expect.poll(() => series(`${DURATION}_count`)).toEqual(['operationName=Second,operationType=subscription 1']);
    expect(await series(ERRORS)).toEqual([]);
  });

  it('counts a refused subscribe once and times it, and counts each error of each event', async () => {
    const { subscribe, series } = yogaWithMetrics();
    expect(await (await subscribe({ query: 'subscription { refused }' })).text()).toContain('not now');
    expect(await (await subscribe({ query: 'subscription Erring { erring }' })).text()).toContain('bad event');
    expect(await series(ERRORS)).toEqual([
      'operationName=Anonymous,operationType=subscription,phase=execute 1',
      'operationName=Erring,operationType=subscription,phase=execute 1',
    ]);
    expect(await series(`${DURATION}_count`)).toEqual([
      'operationName=Anonymous,operationType=subscription 1',
      'operationName=Erring,operationType=subscription 1',
    ]);
  });
});
