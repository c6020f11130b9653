import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dashboardCost, type DashboardShape } from '../../bench/dashboard-cost.js';
import { countUpstreamCalls, useHarness } from '../support/harness.js';

const DASHBOARD = readFileSync(new URL('../fixtures/dashboard.graphql', import.meta.url), 'utf8');

const h = useHarness();

describe('the dashboard query', () => {
  it('costs exactly one upstream request per distinct resource on the demo seed', async () => {
    const { result, ns1, buddyns } = await countUpstreamCalls(h, () => h.gql<DashboardShape>(DASHBOARD));
    expect(result.errors).toBeUndefined();
    const cost = dashboardCost(result.data!);
    expect(cost).toMatchObject({ ns1Zones: 6, buddyNsZones: 5, records: 28 });
    expect(ns1.total).toBe(41);
    expect(buddyns.total).toBe(11);
    expect(ns1.total + buddyns.total).toBe(cost.distinct.total);
    expect(cost.naive.total).toBe(64);
    for (const [call, count] of Object.entries({ ...ns1.counts, ...buddyns.counts })) expect([call, count]).toEqual([call, 1]);
  });

  it('grows by the same rule with more zones', async () => {
    await h.ns1Control.seed({ bulkZones: 20 });
    await h.buddyControl.seed({ bulkZones: 20 });
    const { result, ns1, buddyns } = await countUpstreamCalls(h, () => h.gql<DashboardShape>(DASHBOARD));
    const cost = dashboardCost(result.data!);
    expect(cost).toMatchObject({ ns1Zones: 26, buddyNsZones: 25 });
    expect(ns1.total + buddyns.total).toBe(cost.distinct.total);
  });

  it('a record GET is never repeated for the records of a zone asked twice under aliases', async () => {
    const query = '{ a: zone(name: "example.com") { records { answers { rdata } } } b: zone(name: "example.com") { records { answers { rdata } } qps } }';
    const { ns1 } = await countUpstreamCalls(h, () => h.gql(query));
    expect(Object.values(ns1.counts).every((n) => n === 1)).toBe(true);
    expect(ns1.routes['GET /zones/:zone']).toBe(1);
  });
});
