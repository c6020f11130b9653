import { createClient, type Client, type ExecutionResult } from 'graphql-ws';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startGateway, type RunningGateway } from '../../src/server.js';
import { useSandboxesAndRedis } from '../support/sandboxes-and-redis.js';
import { configOn } from './support/gateway.js';

const backends = useSandboxesAndRedis();

const RECORDS = [
  { domain: 'www.ns1-only.com', type: 'AAAA' },
  { domain: 'ns1-only.com', type: 'ALIAS' },
  { domain: 'ns1-only.com', type: 'AFSDB' },
  { domain: 'ns1-only.com', type: 'CERT' },
  { domain: 'blog.ns1-only.com', type: 'CNAME' },
  { domain: 'old.ns1-only.com', type: 'DNAME' },
  { domain: 'host.ns1-only.com', type: 'HINFO' },
  { domain: 'ns1-only.com', type: 'MX' },
];

let running: RunningGateway | undefined;
const clients: Client[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => Promise.resolve(c.dispose())));
  await running?.stop();
});

/** The first message of a subscription: its first sample, or the error its first poll ended with. */
function firstMessage(client: Client, record: { domain: string; type: string }): Promise<ExecutionResult> {
  return new Promise((resolve, reject) => {
    const stop = client.subscribe(
      {
        query: `subscription ($d: DomainName!, $t: RecordType!) { qps(zone: "ns1-only.com", domain: $d, type: $t, intervalSeconds: 10) { qps } }`,
        variables: { d: record.domain, t: record.type },
      },
      {
        next: (message) => {
          stop();
          resolve(message as ExecutionResult);
        },
        error: reject,
        complete: () => undefined,
      },
    );
  });
}

describe('fair shares of the rate budget', () => {
  it("one connection's subscriptions stop at its share while another caller's queries still get through", async () => {
    // NS1: 10 requests a second for the key; one principal may spend a tenth of that (one a second). A poll
    // may wait 2.5 s, so of eight polls at once the fourth and later cannot get a token in time, and the third,
    // whose token comes at 2 s, is not at the deadline's edge.
    const env = { NS1_RATE_LIMIT_PER_SECOND: '10', PRINCIPAL_RATE_SHARE: '0.1', REQUEST_DEADLINE_MS: '2500' };
    running = await startGateway({ ...configOn(backends.harness, env), port: 0, host: '127.0.0.1' });
    const greedy = createClient({ url: running.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
    clients.push(greedy);
    const { lastSeq } = await backends.harness.ns1Control.log();

    // Eight pollers of their own (one per record, so no two share an upstream request), all started by this one connection.
    const firsts = await Promise.all(RECORDS.map((record) => firstMessage(greedy, record)));
    const sampled = firsts.filter((m) => !m.errors);
    const limited = firsts.filter((m) => m.errors?.[0]?.extensions?.code === 'RATE_LIMITED');
    expect(sampled.length).toBeGreaterThanOrEqual(1);
    expect(limited.length).toBeGreaterThanOrEqual(4);
    // A refused poll never went upstream.
    expect((await backends.harness.ns1Control.log(lastSeq)).routes['GET /stats/qps/:zone/:domain/:type']).toBe(8 - limited.length);

    const response = await fetch(running.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ zones(provider: NS1) { name } }' }),
    });
    const other = (await response.json()) as { data?: { zones: unknown[] }; errors?: unknown[] };
    expect(other.errors).toBeUndefined();
    expect(other.data?.zones.length).toBeGreaterThan(0);
  });
});
