import { beforeEach, describe, expect, it } from 'vitest';
import { useHarness } from '../../support/harness.js';

const h = useHarness();
beforeEach(async () => {
  await h.ns1Control.freezeClock(1_800_000_000_000);
});

describe('the NS1 facet of a zone', () => {
  it('shows a linked zone’s target and a secondary zone’s primary', async () => {
    const { data, errors } = await h.gql(
      '{ linked: zone(name: "example.net") { ns1 { link dnsServers } records { domain } } secondary: zone(name: "secondary.example") { ns1 { secondary { enabled primaryIp primaryPort status } } } primary: zone(name: "example.com") { ns1 { networks networkPools hostmaster primary { enabled secondaries { ip port notify } } } } }',
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      linked: { ns1: { link: 'example.com', dnsServers: [] }, records: [] },
      secondary: { ns1: { secondary: { enabled: true, primaryIp: '203.0.113.5', primaryPort: 53, status: 'pending' } } },
      primary: {
        ns1: {
          networks: [0],
          networkPools: ['p03'],
          hostmaster: 'hostmaster@example.com',
          primary: {
            enabled: true,
            secondaries: [
              { ip: '203.0.113.53', port: 53, notify: true },
              { ip: '203.0.113.54', port: 53, notify: true },
            ],
          },
        },
      },
    });
  });
});

describe('traffic numbers', () => {
  it('gives QPS for zones and records, and usage with its graph', async () => {
    const { data, errors } = await h.gql<{
      zone: {
        qps: number;
        usage: Array<{ period: string; queries: number; graph: unknown[]; recordsByTier: number[] | null }>;
        record: { qps: number; usage: Array<{ recordType: string }> };
      };
    }>(
      '{ zone(name: "example.com") { qps usage(period: MONTH, byTier: true) { period queries graph { at queries } recordsByTier } record(domain: "example.com", type: MX) { qps usage(period: HOUR) { recordType domain } } } }',
    );
    expect(errors).toBeUndefined();
    expect(data?.zone.qps).toBeGreaterThan(0);
    expect(data?.zone.record.qps).toBeGreaterThan(0);
    expect(data?.zone.usage[0]).toMatchObject({ period: '30d', recordsByTier: [5, 0, 0] });
    expect(data?.zone.usage[0]?.graph).toHaveLength(12);
    expect(data?.zone.record.usage).toEqual([{ recordType: 'MX', domain: 'example.com' }]);
  });

  it('answers null QPS and no usage for a zone only on BuddyNS', async () => {
    const { data } = await h.gql('{ zone(name: "buddy-only.io") { qps usage { queries } records { domain } } }');
    expect(data).toEqual({ zone: { qps: null, usage: [], records: [] } });
  });
});
