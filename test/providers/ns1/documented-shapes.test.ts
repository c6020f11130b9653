import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ns1Client } from '../../../src/providers/ns1/client.js';
import { ns1Answering, type AnsweringNs1 } from '../../support/ns1-answering.js';

/**
 * Live Pulsar data in the shape NS1's documentation describes (it gives no example): an object whose every
 * top-level key is a geo, or a geo and region, code.
 */
const DOCUMENTED_LIVE = { US: 61.5, 'US:CA': 48, GB: 83.25, JP: null };

/** GET /account/teams/:teamid, the documentation's example response. */
const DOCUMENTED_TEAM = {
  permissions: {
    dns: { zones_allow_by_default: true, view_zones: true, zones_deny: [], manage_zones: true, zones_allow: [] },
    data: { push_to_datafeeds: true, manage_datasources: true, manage_datafeeds: true },
    account: {
      manage_payment_methods: true,
      manage_plan: true,
      manage_teams: true,
      manage_apikeys: true,
      manage_account_settings: true,
      view_activity_log: true,
      view_invoices: true,
      manage_users: true,
    },
    monitoring: { manage_lists: false, manage_jobs: false, view_jobs: false },
  },
  id: '520845159f782d5b1a10a86a',
  name: 'API Example Team',
  ip_whitelist: [],
};

/** The same team with the named whitelist records the documentation gives as an example of `ip_whitelist`. */
const TEAM_WITH_WHITELIST = {
  ...DOCUMENTED_TEAM,
  id: '520422919f782d37dffb588a',
  ip_whitelist: [
    { name: 'Home Whitelist', values: ['104.20.48.182'] },
    { name: 'Multi Whitelist', values: ['104.20.49.0/24', '104.20.50.1'] },
  ],
};

/** GET /account/billataglance, the documentation's example response (with the comma its capture lost). */
const DOCUMENTED_BILL = {
  plan: 'startup',
  period: 'monthly',
  last_invoice: 1377561600,
  next_invoice: 1379721600,
  next_base_invoice: 1379721600,
  recurring_cost: '0.00',
  recurring_cost_next_invoice: '0.00',
  any: { overage_order: 'ascending', query_credit: 1e7, record_credit: 50 },
  static: {
    record_rate: '1',
    access_charge: '0.00',
    records: 14,
    query_credit: 0,
    query_cost: '0.00',
    query_rate_per_million: '2',
    queries: 5,
    record_credit: 0,
    record_cost: '0.00',
  },
  dynamic: {
    record_rate: '1',
    access_charge: '0.00',
    records: 2,
    query_credit: 0,
    query_cost: '0.00',
    query_rate_per_million: '4',
    queries: 10,
    record_credit: 0,
    record_cost: '0.00',
  },
  intelligent: {
    record_rate: '1',
    access_charge: '0.00',
    records: 0,
    query_credit: 0,
    query_cost: '0.00',
    query_rate_per_million: '6',
    queries: 0,
    record_credit: 0,
    record_cost: '0.00',
  },
  totals: { record_cost: '0.00', record_credit: 16, queries: 15, query_credit: 15, records: 16, access_charge: '0.00', query_cost: '0.00' },
  balance: '0.00',
  bill: '0.00',
};

/** GET /stats/usage?period=24h&by_tier=true, the documentation's example response without its "..." elisions. */
const DOCUMENTED_USAGE = [
  {
    period: '24h',
    zone: 'example.com',
    records: 3,
    records_by_tier: [3, 0, 0],
    queries: 1756,
    queries_by_tier: [1756, 0, 0],
    graph: [
      [1376236061, 33],
      [1376237808, 60],
    ],
    graph_by_tier: [
      [
        [1376236061, 33],
        [1376237808, 60],
      ],
      [],
      [],
    ],
  },
];

/** What the answer to each path is, as NS1 could send it. */
const answers = new Map<string, unknown>([
  ['/v1/pulsar/apps/a1b2c3/jobs/j1/live', DOCUMENTED_LIVE],
  ['/v1/account/teams', [DOCUMENTED_TEAM, TEAM_WITH_WHITELIST]],
  ['/v1/account/billataglance', DOCUMENTED_BILL],
  ['/v1/stats/usage', DOCUMENTED_USAGE],
  // An older answer without ip_whitelist, and with a key the documentation does not name.
  ['/v1/account/teams/0ld', { id: '0ld', name: 'Old', permissions: {}, created: 1 }],
]);

let ns1: AnsweringNs1;
let client: Ns1Client;

beforeAll(async () => {
  ns1 = await ns1Answering((req, res) => {
    const answer = answers.get(new URL(req.url ?? '/', 'http://localhost').pathname);
    res.writeHead(answer === undefined ? 404 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer ?? { message: 'not found' }));
  });
  client = ns1.client;
});
afterAll(() => ns1.close());

describe('NS1 answers in the shapes its documentation gives', () => {
  it('reads live Pulsar data keyed by geo and geo:region, a geo without a value kept as null', async () => {
    expect(await client.pulsarData.get('a1b2c3', 'j1')).toEqual([
      { geo: 'US', region: null, value: 61.5 },
      { geo: 'US', region: 'CA', value: 48 },
      { geo: 'GB', region: null, value: 83.25 },
      { geo: 'JP', region: null, value: null },
    ]);
  });

  it('reads teams with their named whitelist records, none when ip_whitelist is empty or absent', async () => {
    const [documented, whitelisted] = await client.teams.list();
    expect(documented).toMatchObject({ id: '520845159f782d5b1a10a86a', name: 'API Example Team', ipWhitelist: [] });
    expect(whitelisted?.ipWhitelist).toEqual([
      { name: 'Home Whitelist', values: ['104.20.48.182'] },
      { name: 'Multi Whitelist', values: ['104.20.49.0/24', '104.20.50.1'] },
    ]);
    expect(await client.teams.get('0ld')).toMatchObject({ id: '0ld', name: 'Old', ipWhitelist: [] });
  });

  it('reads the bill at a glance with its totals, balance, next base invoice and overage order', async () => {
    const bill = await client.bill.get();
    expect(bill).toMatchObject({
      plan: 'startup',
      nextBaseInvoiceAt: new Date(1379721600 * 1000),
      balance: '0.00',
      overageOrder: 'ascending',
      queryCredit: 1e7,
      recordCredit: 50,
      totals: { records: 16, queries: 15, recordCredit: 16, queryCredit: 15, recordCost: '0.00', queryCost: '0.00', accessCharge: '0.00', recordRate: null },
    });
    expect(bill.tiers.dynamic).toMatchObject({ records: 2, queries: 10, queryRatePerMillion: '4' });
  });

  it('reads a bill without totals, balance, next base invoice or overage order as null for each', async () => {
    const { totals: _t, balance: _b, next_base_invoice: _n, any: _a, ...shorter } = DOCUMENTED_BILL;
    answers.set('/v1/account/billataglance', { ...shorter, any: { query_credit: 5 }, credits_used: 3 });
    try {
      expect(await client.bill.get()).toMatchObject({
        plan: 'startup',
        totals: null,
        balance: null,
        nextBaseInvoiceAt: null,
        overageOrder: null,
        queryCredit: 5,
      });
    } finally {
      answers.set('/v1/account/billataglance', DOCUMENTED_BILL);
    }
  });

  it('reads usage by tier with a graph for each tier, an empty tier an empty graph', async () => {
    const [usage] = await client.usage.list({}, { period: '24h', byTier: true });
    expect(usage).toMatchObject({ zone: 'example.com', records: 3, recordsByTier: [3, 0, 0], queries: 1756, queriesByTier: [1756, 0, 0] });
    expect(usage?.graphByTier).toEqual([
      [
        { at: new Date(1376236061 * 1000), queries: 33 },
        { at: new Date(1376237808 * 1000), queries: 60 },
      ],
      [],
      [],
    ]);
  });
});
