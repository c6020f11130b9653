import { readFileSync } from 'node:fs';
import { domainToASCII } from 'node:url';
import { Pool } from 'undici';
import { describe, expect, it, vi } from 'vitest';
import { dashboardCost, type DashboardShape } from '../../bench/dashboard-cost.js';
import { countUpstreamCalls, execute, useHarness } from '../support/harness.js';

const DASHBOARD = readFileSync(new URL('../fixtures/dashboard.graphql', import.meta.url), 'utf8');

const h = useHarness();

/** The zones NS1 lists on the demo seed. */
const NS1_ZONES = ['example.com', 'example.net', 'lame-delegation.org', 'ns1-only.com', 'secondary.example', 'xn--bcher-kva.de'];

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

  it("does not hold a zone's record reads back until every zone has answered", async () => {
    // NS1 answers for ns1-only.com long after the other zones: example.com's records are read meanwhile.
    await h.ns1Control.addFault({ path: '/zones/ns1-only.com', method: 'GET', latencyMs: 400, times: 1 });
    const since = (await h.ns1Control.log()).lastSeq;
    const result = await h.gql(DASHBOARD);
    expect(result.errors).toBeUndefined();
    const logged = (await h.ns1Control.log(since)).entries.map((entry) => entry.path);
    const slowZone = logged.indexOf('/zones/ns1-only.com');
    const otherRecords = logged.filter((path) => path.startsWith('/zones/example.com/'));
    expect(otherRecords.length).toBeGreaterThan(0);
    for (const path of otherRecords) expect(logged.indexOf(path)).toBeLessThan(slowZone);
  });

  it("reads each NS1 zone as soon as NS1's list arrives, without waiting for BuddyNS's list", async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const pool = new Pool(h.buddyns.origin);
    // BuddyNS's zone list is held until NS1 has been asked for every zone it listed.
    const buddyns = pool.compose((dispatch) => (options, handler) => {
      if (!options.path.endsWith('/zone/')) return dispatch(options, handler);
      void released.then(() => dispatch(options, handler));
      return true;
    });
    const gateway = h.gatewayWith({}, undefined, { dispatchers: { buddyns } });
    try {
      const since = (await h.ns1Control.log()).lastSeq;
      const answer = execute(gateway, DASHBOARD);
      const expected = NS1_ZONES.flatMap((zone) => [`/zones/${zone}`, `/stats/qps/${zone}`]);
      await vi.waitFor(async () => expect((await h.ns1Control.log(since)).entries.map((entry) => entry.path)).toEqual(expect.arrayContaining(expected)), {
        timeout: 5000,
      });
      release();
      const result = await answer;
      expect(result.errors).toBeUndefined();
      const logged = (await h.ns1Control.log(since)).entries;
      for (const path of expected) expect(logged.filter((entry) => entry.path === path)).toHaveLength(1);
    } finally {
      release();
      await gateway.close();
      await pool.close();
    }
  });

  it('reads ahead only the zones a provider filter keeps', async () => {
    const query = '{ zones(provider: BUDDYNS) { name records { domain } qps health { problems } } }';
    const { result, ns1, buddyns } = await countUpstreamCalls(h, () => h.gql<{ zones: Array<{ name: string }> }>(query));
    expect(result.errors).toBeUndefined();
    const kept = result.data!.zones.map((zone) => zone.name);
    const readOnNs1 = ns1.entries.filter((entry) => entry.route === '/zones/:zone').map((entry) => entry.path.slice('/zones/'.length));
    expect(readOnNs1.length).toBeGreaterThan(0);
    for (const zone of readOnNs1) expect(kept.map((name) => domainToASCII(name))).toContain(zone);
    expect(buddyns.total).toBe(1 + 2 * kept.length);
  });

  it('reads nothing ahead for fields that @skip or @include leave out', async () => {
    const query = `query ($full: Boolean!) {
      zones { name providers records @include(if: $full) { domain } qps @include(if: $full) health @skip(if: true) { problems } }
    }`;
    const { result, ns1, buddyns } = await countUpstreamCalls(h, () => h.gql(query, { full: false }));
    expect(result.errors).toBeUndefined();
    expect(ns1.counts).toEqual({ 'GET /zones': 1 });
    expect(buddyns.counts).toEqual({ 'GET /zone/': 1 });
  });
});
