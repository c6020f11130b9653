import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ns1SandboxKeys } from '../../../src/sandbox/ns1/index.js';
import { useNs1Sandbox } from './ns1-client.js';

const ns1 = useNs1Sandbox();
const { call } = ns1;

const id = z.string().regex(/^[0-9a-f]{24}$/);
const zoneSummary = z.object({
  id,
  zone: z.string(),
  ttl: z.number(),
  nx_ttl: z.number(),
  retry: z.number(),
  refresh: z.number(),
  expiry: z.number(),
  dns_servers: z.array(z.string()),
  networks: z.array(z.number()),
  network_pools: z.array(z.string()),
  meta: z.record(z.string(), z.unknown()),
  hostmaster: z.string(),
});
const shortRecord = z.object({ id, domain: z.string(), type: z.string(), ttl: z.number(), tier: z.number(), short_answers: z.array(z.string()) });
const zoneDetail = zoneSummary.extend({ records: z.array(shortRecord), primary: z.object({ enabled: z.boolean(), secondaries: z.array(z.unknown()) }) });
const answer = z.object({
  id,
  answer: z.array(z.union([z.string(), z.number()])),
  feeds: z.array(z.object({ source: z.string(), feed: z.string() })),
  meta: z.record(z.string(), z.unknown()),
});
const record = z.object({
  id,
  zone: z.string(),
  domain: z.string(),
  type: z.string(),
  ttl: z.number(),
  tier: z.number(),
  networks: z.array(z.number()),
  answers: z.array(answer),
  regions: z.record(z.string(), z.object({ meta: z.record(z.string(), z.unknown()) })),
  filters: z.array(z.object({ filter: z.string(), config: z.record(z.string(), z.unknown()) })),
  meta: z.record(z.string(), z.unknown()),
  use_client_subnet: z.boolean(),
});
const byTier = <T extends z.ZodType>(tier: T) => z.object({ static: tier, intelligent: tier, dynamic: tier });
const allowance = z.object({ queries: z.number(), records: z.number() });
const planOffer = z.object({
  overage_order: z.string(),
  overages: byTier(z.object({ queries: z.string(), records: z.string() })),
  monthly_price: z.string(),
  discount: z.string(),
  discount_type: z.string(),
  included: byTier(allowance).extend({ any: allowance }),
  recurring_cost: z.string(),
  access_charges: byTier(z.string()),
  monitoring: z.object({ jobs: z.number(), frequency: z.number(), regions: z.number() }),
  type: z.string(),
  period: z.string(),
});
const accountPlan = planOffer.extend({ locked: z.boolean(), balance: z.string() });
const qps = z.object({ qps: z.number() });
const point = z.tuple([z.number(), z.number()]);
const usage = z.array(z.object({ period: z.string(), queries: z.number(), graph: z.array(point) }));
/** By tier, every figure as [static, dynamic, intelligent]. */
const usageByTier = z.array(
  z.object({
    period: z.string(),
    queries: z.number(),
    graph: z.array(point),
    records_by_tier: z.array(z.number()).length(3),
    queries_by_tier: z.array(z.number()).length(3),
    graph_by_tier: z.array(z.array(point)).length(3),
  }),
);
const described = z.record(z.string(), z.object({ desc: z.string(), shortdesc: z.string() }).passthrough());
const feed = z.object({
  id,
  name: z.string(),
  config: z.record(z.string(), z.unknown()),
  data: z.record(z.string(), z.unknown()),
  destinations: z.array(z.object({ destid: z.string(), desttype: z.string(), record: z.string() })),
});
const source = z.object({ id, name: z.string(), sourcetype: z.string(), config: z.record(z.string(), z.unknown()), status: z.string(), feeds: z.array(feed) });
const statusEntry = z.object({ since: z.number(), status: z.enum(['up', 'down', 'pending']) });
const job = z.object({
  id,
  name: z.string(),
  job_type: z.string(),
  active: z.boolean(),
  regions: z.array(z.string()),
  frequency: z.number(),
  policy: z.string(),
  config: z.record(z.string(), z.unknown()),
  rules: z.array(z.object({ key: z.string(), comparison: z.string() })),
  status: z.record(z.string(), statusEntry),
  notify_list: z.string().nullable(),
});
const list = z.object({ id: z.string(), name: z.string(), notify_list: z.array(z.object({ type: z.string(), config: z.record(z.string(), z.unknown()) })) });
const user = z.object({
  username: z.string(),
  name: z.string(),
  email: z.string(),
  teams: z.array(z.string()),
  permissions: z.object({ dns: z.object({}).passthrough() }),
});
const apiKey = z.object({ id, name: z.string(), teams: z.array(z.string()), permissions: z.object({}).passthrough() });
const team = z.object({
  id,
  name: z.string(),
  permissions: z.object({}).passthrough(),
  ip_whitelist: z.array(z.object({ name: z.string().optional(), values: z.array(z.string()) })),
});
const whitelist = z.object({ id, name: z.string(), values: z.array(z.string()) });
const invoice = z.object({ id: z.number(), amount: z.string(), status: z.string(), sent: z.number(), due: z.number() });
const payment = z.object({
  id,
  type: z.literal('creditcard'),
  default: z.boolean(),
  cc_type: z.string(),
  cc_number_last4: z.string(),
  cc_expire_month: z.number(),
  cc_expire_year: z.number(),
});
const activity = z.object({ id, timestamp: z.number(), user_name: z.string(), resource_type: z.string(), resource_id: z.string(), action: z.string() });

const READS: Array<[string, z.ZodType]> = [
  ['/zones', z.array(zoneSummary)],
  ['/zones/example.com', zoneDetail],
  ['/zones/example.com/example.com/MX', record],
  ['/zones/ns1-only.com/www.ns1-only.com/A', record],
  ['/search?q=example&max=5&type=all', z.array(z.object({ zone: z.string() }).passthrough()).max(5)],
  ['/networks', z.array(z.object({ network_id: z.number(), label: z.string(), name: z.string() }))],
  ['/metatypes', described],
  ['/filtertypes', described],
  ['/data/sourcetypes', described],
  ['/data/sources', z.array(source)],
  ['/data/sources/a53252f9e583c6708331a1da', source],
  ['/data/feeds/a53252f9e583c6708331a1da', z.array(feed)],
  ['/data/feeds/a53252f9e583c6708331a1da/520533b89f782d5b1a10a851', feed],
  ['/monitoring/jobs', z.array(job)],
  ['/monitoring/jobs/52cae678830f7809ec5c9f6b', job],
  ['/monitoring/jobtypes', described],
  ['/monitoring/regions', z.array(z.object({ name: z.string(), code: z.string(), subnets: z.array(z.string()) }))],
  ['/monitoring/history?period=1h', z.array(z.object({ job: z.string(), region: z.string(), status: z.string(), since: z.number() }))],
  ['/monitoring/history/52cae678830f7809ec5c9f6b?period=24h&region=lga&limit=5', z.array(z.object({ region: z.literal('lga') }).passthrough()).max(5)],
  [
    '/monitoring/metrics/52a27d4397d5f07003fdbe7b?period=24h&metric=rtt',
    z
      .array(
        z.object({
          jobid: z.string(),
          region: z.string(),
          metrics: z.record(z.string(), z.object({ avg: z.number(), graph: z.array(z.tuple([z.number(), z.number()])) })),
        }),
      )
      .min(1),
  ],
  ['/lists', z.array(list)],
  ['/lists/52b49af12f21574b0e0bffe7', list],
  ['/notifytypes', described],
  [
    '/account/settings',
    z.object({
      email: z.string(),
      customerid: z.number(),
      address: z.object({}).passthrough(),
      company: z.string(),
      firstname: z.string(),
      lastname: z.string(),
      phone: z.string(),
    }),
  ],
  [
    '/account/usagewarnings',
    z.object({ queries: z.object({ send_warnings: z.boolean(), warning_1: z.number(), warning_2: z.number() }), records: z.object({}).passthrough() }),
  ],
  ['/account/users', z.array(user)],
  ['/account/users/alice', user],
  ['/account/apikeys', z.array(apiKey)],
  ['/account/teams', z.array(team)],
  ['/account/teams/53b57b8e8b4a8e8c96f1c9a0', team],
  ['/account/whitelist', z.array(whitelist)],
  ['/account/whitelist/5c4b3a2b1a0f9e8d7c6b5a49', whitelist],
  ['/account/plantypes', z.array(planOffer)],
  ['/account/plan', accountPlan],
  ['/account/invoices', z.array(invoice)],
  [
    '/account/billataglance',
    z
      .object({
        plan: z.string(),
        recurring_cost: z.string(),
        next_base_invoice: z.number(),
        any: z.object({ overage_order: z.string() }).passthrough(),
        static: z.object({ records: z.number() }).passthrough(),
        totals: z
          .object({ records: z.number(), queries: z.number(), record_cost: z.string(), query_cost: z.string(), access_charge: z.string() })
          .passthrough(),
        balance: z.string(),
        bill: z.string(),
      })
      .passthrough(),
  ],
  ['/account/paymentmethods', z.array(payment)],
  ['/account/paymentmethods/5a1b2c3d4e5f60718293a4b5', payment],
  ['/account/activity?limit=10', z.array(activity)],
  ['/stats/qps', qps],
  ['/stats/qps/example.com', qps],
  ['/stats/qps/example.com/example.com/MX', qps],
  ['/stats/usage?period=24h&by_tier=true', usage],
  ['/stats/usage?period=30d&expand=true&aggregate=false', usage],
  ['/stats/usage/example.com?period=1h&expand=true', usage],
  ['/stats/usage?period=30d&aggregate=false&by_tier=true', usageByTier],
  ['/stats/usage/example.com/example.com/MX?period=24h', usage],
  ['/pulsar/apps', z.array(z.object({ appid: z.string(), name: z.string() }).passthrough())],
  ['/pulsar/apps/a1b2c3', z.object({ appid: z.literal('a1b2c3') }).passthrough()],
  ['/pulsar/apps/a1b2c3/jobs', z.array(z.object({ jobid: z.string(), appid: z.string() }).passthrough())],
  ['/pulsar/apps/a1b2c3/jobs/j-cdn-a', z.object({ jobid: z.literal('j-cdn-a') }).passthrough()],
  // Every top-level key a geo (or geo:region) code.
  ['/pulsar/apps/a1b2c3/jobs/j-cdn-a/live', z.record(z.string().regex(/^[A-Z]{2}(:[A-Z0-9]+)?$/), z.number()).refine((live) => Object.keys(live).length > 0)],
  ['/pulsar/apps/a1b2c3/jobs/j-cdn-a/data?period=1h&agg=p95', z.object({ graph: z.array(z.tuple([z.number(), z.number()])) }).passthrough()],
  // The documentation's own example URL, with its empty start, end and asn.
  [
    '/pulsar/apps/a1b2c3/jobs/j-cdn-a/data?start=&end=&period=1h&geo=*&asn=&agg=p50',
    z.object({ graph: z.array(z.tuple([z.number(), z.number()])).length(12) }).passthrough(),
  ],
];

describe('NS1 sandbox: every documented read answers 200 in the documented shape', () => {
  for (const [path, schema] of READS) {
    it(`GET ${path}`, async () => {
      const { status, body, headers } = await call('GET', path);
      expect(status).toBe(200);
      const parsed = schema.safeParse(body);
      expect(parsed.success, parsed.success ? '' : z.prettifyError(parsed.error)).toBe(true);
      expect(headers.get('x-ratelimit-limit')).toMatch(/^\d+$/);
      expect(headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
      expect(headers.get('x-ratelimit-period')).toMatch(/^\d+$/);
    });
  }
});

describe('NS1 sandbox: writes through every collection keep state across requests', () => {
  const lifecycles: Array<{
    name: string;
    create: [string, string, unknown];
    item: (created: Record<string, unknown>) => string;
    update: unknown;
    check: (item: Record<string, unknown>) => void;
  }> = [
    {
      name: 'zone',
      create: ['PUT', '/zones/new.example', { zone: 'new.example', nx_ttl: 60 }],
      item: () => '/zones/new.example',
      update: { refresh: 1000 },
      check: (z) => expect(z.refresh).toBe(1000),
    },
    {
      name: 'record',
      create: ['PUT', '/zones/example.com/api.example.com/A', { answers: [{ answer: ['192.0.2.5'] }] }],
      item: () => '/zones/example.com/api.example.com/A',
      update: { ttl: 30 },
      check: (r) => expect(r.ttl).toBe(30),
    },
    {
      name: 'data source',
      create: ['PUT', '/data/sources', { sourcetype: 'nsone_v1', name: 'api servers' }],
      item: (c) => `/data/sources/${String(c.id)}`,
      update: { name: 'renamed' },
      check: (s) => expect(s.name).toBe('renamed'),
    },
    {
      name: 'monitoring job',
      create: ['PUT', '/monitoring/jobs', { name: 'ping api', job_type: 'ping', regions: ['lga'], frequency: 60, config: { host: '192.0.2.5' } }],
      item: (c) => `/monitoring/jobs/${String(c.id)}`,
      update: { frequency: 30 },
      check: (j) => expect(j.frequency).toBe(30),
    },
    {
      name: 'notification list',
      create: ['PUT', '/lists', { name: 'team', notify_list: [{ type: 'email', config: { email: 'a@example.com' } }] }],
      item: (c) => `/lists/${String(c.id)}`,
      update: { name: 'team 2' },
      check: (l) => expect(l.name).toBe('team 2'),
    },
    {
      name: 'user',
      create: ['PUT', '/account/users/carol', { username: 'carol', name: 'Carol', email: 'carol@example.com' }],
      item: () => '/account/users/carol',
      update: { name: 'Carol C' },
      check: (u) => expect(u.name).toBe('Carol C'),
    },
    {
      name: 'API key',
      create: ['PUT', '/account/apikeys', { name: 'ci', permissions: { dns: { view_zones: true } } }],
      item: (c) => `/account/apikeys/${String(c.id)}`,
      update: { name: 'ci 2' },
      check: (k) => expect(k.name).toBe('ci 2'),
    },
    {
      name: 'team',
      create: ['PUT', '/account/teams', { name: 'SRE', ip_whitelist: [] }],
      item: (c) => `/account/teams/${String(c.id)}`,
      // The documentation's own example of named whitelist records.
      update: {
        name: 'SRE 2',
        ip_whitelist: [
          { name: 'Home Whitelist', values: ['104.20.48.182'] },
          { name: 'Multi Whitelist', values: ['104.20.49.0/24', '104.20.50.1'] },
        ],
      },
      check: (t) =>
        expect(t).toMatchObject({
          name: 'SRE 2',
          ip_whitelist: [
            { name: 'Home Whitelist', values: ['104.20.48.182'] },
            { name: 'Multi Whitelist', values: ['104.20.49.0/24', '104.20.50.1'] },
          ],
        }),
    },
    {
      name: 'IP allow list',
      create: ['PUT', '/account/whitelist', { name: 'vpn', values: ['203.0.113.0/24'] }],
      item: (c) => `/account/whitelist/${String(c.id)}`,
      update: { values: ['203.0.113.7'] },
      check: (w) => expect(w.values).toEqual(['203.0.113.7']),
    },
    {
      name: 'payment method',
      create: [
        'PUT',
        '/account/paymentmethods',
        { type: 'creditcard', cc_number: '4111111111111111', cc_expire_month: 1, cc_expire_year: 2099, firstname: 'X' },
      ],
      item: (c) => `/account/paymentmethods/${String(c.id)}`,
      // As documented: a POST with no body makes it the default.
      update: undefined,
      check: (p) => expect(p.default).toBe(true),
    },
  ];

  for (const life of lifecycles) {
    it(`${life.name}: create, read, update, delete, then 404`, async () => {
      const created = await call(life.create[0], life.create[1], life.create[2]);
      expect(created.status).toBe(200);
      const path = life.item(created.body as Record<string, unknown>);
      expect((await call('GET', path)).status).toBe(200);
      const updated = await call('POST', path, life.update);
      expect(updated.status).toBe(200);
      life.check((await call('GET', path)).body as Record<string, unknown>);
      if (life.name === 'payment method') await call('POST', '/account/paymentmethods/5a1b2c3d4e5f60718293a4b5');
      expect((await call('DELETE', path)).status).toBe(200);
      const gone = await call('GET', path);
      expect(gone.status).toBe(404);
      expect(gone.body).toEqual({ message: expect.any(String) });
    });
  }

  it('creates a user with PUT /account/users and the username in the body, as NS1 SDKs send it', async () => {
    const created = await call('PUT', '/account/users', { username: 'dave', name: 'Dave', email: 'dave@example.com' });
    expect(created).toMatchObject({ status: 200, body: { username: 'dave', name: 'Dave' } });
    expect((await call('GET', '/account/users/dave')).body).toMatchObject({ username: 'dave', email: 'dave@example.com' });
    expect(await call('PUT', '/account/users', { username: 'dave', name: 'Dave', email: 'dave@example.com' })).toMatchObject({
      status: 400,
      body: { message: 'user dave already exists' },
    });
    expect(await call('PUT', '/account/users', { name: 'No Name', email: 'x@example.com' })).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('username') },
    });
    expect(await call('PUT', '/account/users', { username: 'eve', name: 'Eve', email: 'eve@example.com' }, ns1SandboxKeys().readOnly)).toMatchObject({
      status: 403,
    });
  });

  it('records every write in the activity log, filterable', async () => {
    await call('PUT', '/account/teams', { name: 'SRE' });
    await call('PUT', '/zones/log.example', {});
    const all = (await call('GET', '/account/activity')).body as Array<{ resource_type: string; action: string; user_name: string }>;
    expect(all.slice(0, 2).map((e) => [e.resource_type, e.action])).toEqual([
      ['zone', 'create'],
      ['team', 'create'],
    ]);
    const zones = (await call('GET', '/account/activity?resource_type=zone')).body as unknown[];
    expect(zones).toHaveLength(1);
  });
});

describe('NS1 sandbox: behaviour', () => {
  it('answers 401 without a valid key', async () => {
    expect(await call('GET', '/zones', undefined, null)).toMatchObject({ status: 401, body: { message: 'Unauthorized' } });
    expect(await call('GET', '/zones', undefined, 'wrong')).toMatchObject({ status: 401, body: { message: 'Unauthorized' } });
  });

  it('refuses writes with the read-only key, naming the missing permission', async () => {
    const readOnly = ns1SandboxKeys().readOnly;
    for (const [method, path, payload, permission] of [
      ['PUT', '/zones/x.example', {}, 'dns.manage_zones'],
      ['PUT', '/data/sources', { sourcetype: 'nsone_v1', name: 'x' }, 'data.manage_datasources'],
      ['POST', '/feed/a53252f9e583c6708331a1da', { up: false }, 'data.push_to_datafeeds'],
      ['PUT', '/monitoring/jobs', { name: 'x', job_type: 'ping' }, 'monitoring.manage_jobs'],
      ['PUT', '/account/users/x', { name: 'x', email: 'x@example.com' }, 'account.manage_users'],
      ['POST', '/account/plan', { type: 'startup' }, 'account.manage_plan'],
    ] as const) {
      expect(await call(method, path, payload, readOnly)).toMatchObject({ status: 403, body: { message: `Forbidden: missing permission ${permission}` } });
    }
    expect((await call('GET', '/zones', undefined, readOnly)).status).toBe(200);
  });

  it('offers the plan types of NS1’s documented example, and the account starts on the free one', async () => {
    const documented = JSON.parse(readFileSync(new URL('../../fixtures/ns1/plantypes.json', import.meta.url), 'utf8')) as unknown[];
    const offered = (await call('GET', '/account/plantypes')).body as unknown[];
    expect(offered).toEqual(expect.arrayContaining(documented));
    expect((await call('GET', '/account/plan')).body).toEqual({ ...(documented[0] as object), locked: false, balance: '0.00' });
  });

  it('changes a startup plan with a card on file at once, charging its recurring cost, and takes other changes as requests with no body', async () => {
    const changed = await call('POST', '/account/plan', { type: 'pro', period: 'annual' });
    expect(changed.status).toBe(200);
    expect(accountPlan.parse(changed.body)).toMatchObject({ type: 'pro', period: 'annual', recurring_cost: '2400.00', balance: '2,400.00', locked: true });
    expect((await call('GET', '/account/plan')).body).toEqual(changed.body);
    expect((await call('GET', '/account/billataglance')).body).toMatchObject({ plan: 'pro', period: 'annual', recurring_cost: '2400.00' });
    const fromPro = await call('POST', '/account/plan', { type: 'business', period: 'monthly' });
    expect({ status: fromPro.status, length: fromPro.raw.length }).toEqual({ status: 200, length: 0 });
    expect((await call('GET', '/account/plan')).body).toMatchObject({ type: 'pro' });
    await ns1.control().reset();
    const reviewed = await call('POST', '/account/plan', { type: 'enterprise', period: 'annual', notes: 'needs 50 zones' });
    expect({ status: reviewed.status, length: reviewed.raw.length }).toEqual({ status: 200, length: 0 });
    expect((await call('GET', '/account/plan')).body).toMatchObject({ type: 'startup', period: 'monthly', balance: '0.00', locked: false });
    expect(await call('POST', '/account/plan', { type: 'platinum' })).toMatchObject({ status: 400, body: { message: 'plan type platinum does not exist' } });
    expect(await call('POST', '/account/plan', { type: 'pro', period: 'weekly' })).toMatchObject({ status: 400 });
  });

  it('shows a zone-restricted key only its zones', async () => {
    const only = ns1SandboxKeys().exampleOnly;
    expect(((await call('GET', '/zones', undefined, only)).body as Array<{ zone: string }>).map((z) => z.zone)).toEqual(['example.com']);
    expect((await call('GET', '/zones/ns1-only.com', undefined, only)).status).toBe(404);
  });

  it('moves the SOA serial on every change', async () => {
    const serial = async () => ((await call('GET', '/zones/example.com')).body as { serial: number }).serial;
    const before = await serial();
    await call('PUT', '/zones/example.com/new.example.com/A', { answers: [{ answer: ['192.0.2.9'] }] });
    const afterCreate = await serial();
    await call('DELETE', '/zones/example.com/new.example.com/A');
    expect(afterCreate).toBeGreaterThan(before);
    expect(await serial()).toBeGreaterThan(afterCreate);
  });

  it('validates RDATA per type, names outside the zone and duplicates', async () => {
    expect(await call('PUT', '/zones/example.com/x.example.com/A', { answers: [{ answer: ['999.1.1.1'] }] })).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('IPv4') },
    });
    expect(await call('PUT', '/zones/example.com/x.example.com/MX', { answers: [{ answer: ['mail.example.com'] }] })).toMatchObject({ status: 400 });
    expect(await call('PUT', '/zones/example.com/x.example.org/A', { answers: [{ answer: ['192.0.2.1'] }] })).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('not within zone') },
    });
    expect(await call('PUT', '/zones/example.com/example.com/A', { answers: [{ answer: ['192.0.2.1'] }] })).toMatchObject({
      status: 400,
      body: { message: 'record already exists' },
    });
    expect(await call('GET', '/zones/nowhere.example/a.nowhere.example/A')).toMatchObject({ status: 404, body: { message: 'zone not found' } });
  });

  it('answers 400 with a message for a malformed JSON body', async () => {
    const res = await call('PUT', '/zones/bad.example', '{"zone": "bad.example",');
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toMatch(/^Invalid JSON in request body/);
  });

  it('answers 429 with rate-limit headers once the budget is spent', async () => {
    await ns1.control().setRateLimit(3, 60);
    for (let i = 0; i < 3; i++) expect((await call('GET', '/networks')).status).toBe(200);
    const limited = await call('GET', '/networks');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('publishing to a feed changes the metadata of the answers pointing at it', async () => {
    const before = (await call('GET', '/zones/ns1-only.com/www.ns1-only.com/A')).body as {
      answers: Array<{ meta: Record<string, unknown>; feeds: Array<{ source: string }> }>;
    };
    expect(before.answers[0]?.meta.up).toEqual({ feed: '520533b89f782d5b1a10a851' });
    expect(before.answers[0]?.feeds).toEqual([{ source: 'a53252f9e583c6708331a1da', feed: '520533b89f782d5b1a10a851' }]);
    expect((await call('POST', '/feed/a53252f9e583c6708331a1da', { 'web-east': { up: false } })).status).toBe(200);
    const after = (await call('GET', '/zones/ns1-only.com/www.ns1-only.com/A')).body as typeof before;
    expect(after.answers[0]?.meta.up).toBe(false);
    expect(after.answers[1]?.meta.up).toEqual({ feed: '520533dc9f782d5b1a10a854' });
  });

  it('accepts an invoice authtoken and refuses a wrong one', async () => {
    const { createHash } = await import('node:crypto');
    const token = createHash('sha1').update(`${ns1SandboxKeys().admin}7271717200000`).digest('hex');
    const pdf = await call('GET', `/account/invoices/727?authtoken=${token}`, undefined, null);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.raw.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await call('GET', '/account/invoices/727?authtoken=0000', undefined, null)).status).toBe(401);
    expect((await call('GET', '/account/invoices/727')).status).toBe(200);
  });

  it('runs an asynchronous zone file import from pending to finished on the sandbox clock', async () => {
    await ns1.control().freezeClock();
    const form = new FormData();
    form.set('zonefile', new Blob(['$ORIGIN async.example.\n@ 300 IN A 192.0.2.1\n']), 'async.example.zone');
    const res = await fetch(`${ns1.sandbox().baseUrl}/import/zonefile/async.example?async=true`, {
      method: 'PUT',
      headers: { 'x-nsone-key': ns1SandboxKeys().admin },
      body: form,
    });
    const job = (await res.json()) as { id: string; percent: number };
    expect(job.percent).toBeLessThan(100);
    expect((await call('GET', `/import/zonefile/${job.id}`)).body).not.toHaveProperty('response_code');
    await ns1.control().advanceClock(5);
    expect((await call('GET', `/import/zonefile/${job.id}`)).body).toMatchObject({ percent: 100, response_code: 200, response: { zone: 'async.example' } });
  });

  it('moves monitor status over time and records each change in history', async () => {
    await ns1.control().freezeClock(1_800_000_000_000);
    const states = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const job = (await call('GET', '/monitoring/jobs/52cae678830f7809ec5c9f6b')).body as { status: Record<string, { status: string }> };
      states.add(job.status.lga!.status);
      await ns1.control().advanceClock(60);
    }
    expect(states).toEqual(new Set(['up', 'down']));
    const history = (await call('GET', '/monitoring/history/52cae678830f7809ec5c9f6b?period=1h&region=lga')).body as Array<{ status: string }>;
    expect(history.length).toBeGreaterThanOrEqual(10);
    expect(new Set(history.map((h) => h.status))).toEqual(new Set(['up', 'down']));
  });

  it('aggregates usage across zones and tiers unless aggregate=false, even with expand and by_tier set', async () => {
    const shape = async (path: string) => {
      const body = (await call('GET', path)).body as Array<Record<string, unknown>>;
      return { entries: body.length, zones: body.filter((u) => 'zone' in u).length, byTier: body.some((u) => 'graph_by_tier' in u) };
    };
    expect(await shape('/stats/usage?expand=true&by_tier=true')).toEqual({ entries: 1, zones: 0, byTier: false });
    expect(await shape('/stats/usage/example.com?expand=true&by_tier=true')).toEqual({ entries: 1, zones: 1, byTier: false });
    const expanded = await shape('/stats/usage?expand=true&by_tier=true&aggregate=false');
    expect(expanded.entries).toBeGreaterThan(1);
    expect(expanded).toMatchObject({ zones: expanded.entries, byTier: true });
  });

  it('varies QPS with the clock, deterministically', async () => {
    await ns1.control().freezeClock(1_800_000_000_000);
    const a = ((await call('GET', '/stats/qps/example.com')).body as { qps: number }).qps;
    expect(((await call('GET', '/stats/qps/example.com')).body as { qps: number }).qps).toBe(a);
    await ns1.control().advanceClock(300);
    expect(((await call('GET', '/stats/qps/example.com')).body as { qps: number }).qps).not.toBe(a);
  });

  it('restores the seed on reset', async () => {
    await call('DELETE', '/zones/example.com');
    await ns1.control().reset();
    expect((await call('GET', '/zones/example.com')).status).toBe(200);
  });
});

describe('NS1 sandbox: account', () => {
  const OPERATIONS = '53b57b8e8b4a8e8c96f1c9a0';
  const DEVELOPERS = '53b57b8e8b4a8e8c96f1c9a1';
  type Member = { id?: string; key?: string; teams: string[]; permissions: Record<string, Record<string, unknown>> };
  const permissionsOf = async (team: string) => ((await call('GET', `/account/teams/${team}`)).body as Member).permissions;

  it('puts new users and API keys in a built-in team on a fresh sandbox', async () => {
    expect(await call('PUT', '/account/users/carol', { name: 'Carol', email: 'carol@example.com', teams: [DEVELOPERS] })).toMatchObject({
      status: 200,
      body: { username: 'carol', teams: [DEVELOPERS] },
    });
    await ns1.control().reset();
    expect(await call('PUT', '/account/apikeys', { name: 'ci', teams: [OPERATIONS] })).toMatchObject({ status: 200, body: { teams: [OPERATIONS] } });
  });

  it('gives team members the union of their teams’ permissions, ignoring any sent with a new member and refusing a direct change', async () => {
    const developers = await permissionsOf(DEVELOPERS);
    const operations = await permissionsOf(OPERATIONS);
    expect(developers.dns!.manage_zones).toBe(false);
    const narrow = { dns: { view_zones: false, manage_zones: true } };
    const user = await call('PUT', '/account/users/carol', { name: 'Carol', email: 'carol@example.com', teams: [DEVELOPERS], permissions: narrow });
    expect((user.body as Member).permissions).toEqual(developers);
    const key = await call('PUT', '/account/apikeys', { name: 'ci', teams: [DEVELOPERS], permissions: narrow });
    expect((key.body as Member).permissions).toEqual(developers);
    const keyPath = `/account/apikeys/${(key.body as Member).id!}`;

    for (const path of ['/account/users/carol', keyPath]) {
      const refused = await call('POST', path, { permissions: narrow });
      expect(refused).toMatchObject({ status: 400, body: { message: expect.stringContaining('permissions') } });
      expect(((await call('GET', path)).body as Member).permissions).toEqual(developers);
      const joined = await call('POST', path, { teams: [DEVELOPERS, OPERATIONS] });
      expect(joined).toMatchObject({ status: 200, body: { teams: [DEVELOPERS, OPERATIONS], permissions: operations } });
      // Leaving every team without setting permissions keeps those the teams gave.
      expect(await call('POST', path, { teams: [] })).toMatchObject({ status: 200, body: { teams: [], permissions: operations } });
    }

    const loner = await call('PUT', '/account/users/dave', { name: 'Dave', email: 'dave@example.com', permissions: narrow });
    expect((loner.body as Member).permissions.dns).toMatchObject({ view_zones: false, manage_zones: true });
    expect(await call('POST', '/account/users/dave', { teams: [DEVELOPERS], permissions: narrow })).toMatchObject({ status: 400 });
    expect(((await call('GET', '/account/users/dave')).body as Member).teams).toEqual([]);
  });

  it('changes its members’ permissions with a team’s, and leaves them theirs when the team is deleted', async () => {
    const team = (await call('PUT', '/account/teams', { name: 'Zone editors', permissions: { account: { manage_users: false } } })).body as Member;
    const teamPath = `/account/teams/${team.id!}`;
    const key = (await call('PUT', '/account/apikeys', { name: 'editor', teams: [team.id] })).body as Member;
    await call('PUT', '/account/users/carol', { name: 'Carol', email: 'carol@example.com', teams: [team.id, DEVELOPERS] });
    expect((await call('PUT', '/zones/first.example', {}, key.key)).status).toBe(200);

    const changed = await call('POST', teamPath, { permissions: { dns: { manage_zones: false }, account: { manage_users: false } } });
    expect(changed.status).toBe(200);
    const teamNow = (changed.body as Member).permissions;
    const keyNow = (await call('GET', `/account/apikeys/${key.id!}`)).body as Member;
    expect(keyNow.permissions).toEqual(teamNow);
    expect(await call('PUT', '/zones/second.example', {}, key.key)).toMatchObject({
      status: 403,
      body: { message: 'Forbidden: missing permission dns.manage_zones' },
    });
    const carol = (await call('GET', '/account/users/carol')).body as Member;
    expect(carol.permissions.dns!.manage_zones).toBe(false);
    expect(carol.permissions.data!.manage_datasources).toBe(true);

    expect((await call('DELETE', teamPath)).status).toBe(200);
    expect((await call('GET', `/account/apikeys/${key.id!}`)).body).toMatchObject({ teams: [], permissions: teamNow });
    expect((await call('GET', '/account/users/carol')).body).toMatchObject({ teams: [DEVELOPERS], permissions: await permissionsOf(DEVELOPERS) });
    // In no team now, the key's permissions may be set directly.
    expect(await call('POST', `/account/apikeys/${key.id!}`, { permissions: { dns: { manage_zones: true } } })).toMatchObject({ status: 200 });
  });

  it('shows every API key’s key string when listed and read, as documented', async () => {
    const created = (await call('PUT', '/account/apikeys', { name: 'ci' })).body as Member;
    expect(created.key).toEqual(expect.any(String));
    const listed = (await call('GET', '/account/apikeys')).body as Member[];
    expect(listed.find((k) => k.id === created.id)?.key).toBe(created.key);
    for (const k of listed) expect(k.key).toEqual(expect.any(String));
    expect((await call('GET', `/account/apikeys/${created.id!}`)).body).toMatchObject({ key: created.key });
    expect((await call('POST', `/account/apikeys/${created.id!}`, { name: 'ci 2' })).body).toMatchObject({ key: created.key });
  });

  it('returns the 20 most recent activity log entries unless given a limit', async () => {
    for (let i = 0; i < 25; i++) await call('PUT', '/account/teams', { name: `team ${i}` });
    const recent = (await call('GET', '/account/activity')).body as Array<{ resource_type: string }>;
    expect(recent).toHaveLength(20);
    expect(((await call('GET', '/account/activity?limit=25')).body as unknown[]).length).toBe(25);
  });

  it('deletes the default card, making another the default, but not the last card', async () => {
    expect((await call('DELETE', '/account/paymentmethods/5a1b2c3d4e5f60718293a4b5')).status).toBe(200);
    expect((await call('GET', '/account/paymentmethods')).body).toEqual([expect.objectContaining({ id: '5a1b2c3d4e5f60718293a4b6', default: true })]);
    expect(await call('DELETE', '/account/paymentmethods/5a1b2c3d4e5f60718293a4b6')).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('last credit card') },
    });
    expect((await call('GET', '/account/paymentmethods')).body).toHaveLength(1);
  });

  it('refuses a first usage warning threshold that is not smaller than the second', async () => {
    const equal = await call('POST', '/account/usagewarnings', { queries: { warning_1: 85, warning_2: 85 } });
    expect(equal).toEqual(expect.objectContaining({ status: 400, body: { message: 'queries.warning_1 must be smaller than queries.warning_2' } }));
    expect(((await call('GET', '/account/usagewarnings')).body as { queries: unknown }).queries).toMatchObject({ warning_1: 80, warning_2: 90 });
    expect((await call('POST', '/account/usagewarnings', { queries: { warning_1: 84, warning_2: 85 } })).status).toBe(200);
  });
});
