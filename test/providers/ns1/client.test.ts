import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpClient, UpstreamError } from '../../../src/providers/http.js';
import { Ns1Client } from '../../../src/providers/ns1/client.js';
import { ns1Provider } from '../../../src/providers/ns1/provider.js';
import { errorReading } from '../../../src/providers/provider.js';
import { ns1SandboxKeys } from '../../../src/sandbox/ns1/index.js';
import { startHarness, type Harness } from '../../support/harness.js';

let h: Harness;
let http: HttpClient;
let client: Ns1Client;
const { admin } = ns1SandboxKeys();

function httpFor(overrides: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}) {
  return new HttpClient({ ...errorReading(ns1Provider), baseUrl: h.ns1.baseUrl, retryBaseDelayMs: 1, maxRetries: 1, circuitFailures: 1_000, ...overrides });
}

const clientWith = (key: string, own = http) => new Ns1Client(own, key, h.ns1.baseUrl);
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('the call succeeded'),
    (error: unknown) => error as UpstreamError,
  );
const calls = async () => (await h.ns1Control.log()).counts;

beforeAll(async () => {
  h = await startHarness();
  http = httpFor();
  client = clientWith(admin);
});
afterAll(async () => {
  await http.close();
  await h.close();
});
beforeEach(async () => {
  await h.reset();
  await h.ns1Control.freezeClock('2024-06-01T12:00:00Z');
});

describe('Ns1Client: zones and records', () => {
  it('lists zones and reads one with its records, IDN names in both forms', async () => {
    const zones = await client.zones.list();
    expect(zones.find((z) => z.asciiName === 'xn--bcher-kva.de')).toMatchObject({ name: 'bücher.de', secondary: null, meta: {} });
    expect(zones.find((z) => z.asciiName === 'secondary.example')?.secondary).toMatchObject({ enabled: true, primaryIp: '203.0.113.5', primaryPort: 53 });
    const zone = await client.zones.get('xn--bcher-kva.de');
    expect(zone.records.map((r) => [r.domain, r.type, r.shortAnswers])).toEqual(
      expect.arrayContaining([
        ['xn--bcher-kva.de', 'A', ['192.0.2.20']],
        ['www.xn--bcher-kva.de', 'AAAA', ['2001:db8::20']],
      ]),
    );
    expect(zone.records.every((r) => r.zone === 'xn--bcher-kva.de')).toBe(true);
  });

  it('creates, updates and deletes a zone, then reads a 404', async () => {
    const created = await client.zones.create('new.example', { nxTtl: 60 });
    expect(created).toMatchObject({ asciiName: 'new.example', name: 'new.example', nxTtl: 60 });
    expect(created.records.map((r) => r.type)).toEqual(['NS']);
    expect(await client.zones.update('new.example', { refresh: 1000 })).toMatchObject({ refresh: 1000, nxTtl: 60 });
    await client.zones.delete('new.example');
    await expect(client.zones.get('new.example')).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404, message: 'zone not found' });
  });

  it('reads a record with its answers, and writes one through create, update and delete', async () => {
    const mx = await client.records.get('example.com', 'example.com', 'MX');
    expect(mx.answers.map((a) => a.rdata)).toEqual([
      ['5', 'mail1.example.com'],
      ['10', 'mail2.example.com'],
    ]);
    expect(mx.shortAnswers).toEqual(['5 mail1.example.com', '10 mail2.example.com']);
    const created = await client.records.create('example.com', 'api.example.com', 'A', { ttl: 60, answers: [{ rdata: ['192.0.2.5'] }] });
    expect(created).toMatchObject({ zone: 'example.com', domain: 'api.example.com', type: 'A', ttl: 60, shortAnswers: ['192.0.2.5'] });
    expect((await client.records.update('example.com', 'api.example.com', 'A', { ttl: 30 })).ttl).toBe(30);
    await client.records.delete('example.com', 'api.example.com', 'A');
    await expect(client.records.get('example.com', 'api.example.com', 'A')).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('reads QPS of the account, a zone and a record, and usage, each at its own path', async () => {
    const [account, zone, record] = await Promise.all([
      client.qps.get({}),
      client.qps.get({ zone: 'example.com' }),
      client.qps.get({ zone: 'example.com', domain: 'example.com', type: 'A' }),
    ]);
    expect([account, zone, record].every((qps) => typeof qps === 'number' && qps >= 0)).toBe(true);
    const usage = await client.usage.list({ zone: 'example.com' }, { period: '1h' });
    expect(usage[0]).toMatchObject({ period: '1h', zone: 'example.com', queries: expect.any(Number) });
    expect(await calls()).toMatchObject({
      'GET /stats/qps': 1,
      'GET /stats/qps/example.com': 1,
      'GET /stats/qps/example.com/example.com/A': 1,
      'GET /stats/usage/example.com': 1,
    });
  });

  it('imports a zone file and reads an import job', async () => {
    const file = new TextEncoder().encode('$ORIGIN imported.example.\n@ 300 IN A 192.0.2.1\nwww 300 IN CNAME imported.example.\n');
    const imported = await client.zoneImports.create('imported.example', file, 'imported.example.zone', false);
    expect(imported).toMatchObject({ zone: 'imported.example', finished: true, responseCode: 200, error: null });
    expect((await client.zones.get('imported.example')).records.length).toBe(imported.recordCount);
    const job = await client.zoneImports.create('async.example', file, 'async.example.zone', true);
    expect(job).toMatchObject({ finished: false, responseCode: null });
    await h.ns1Control.advanceClock(5);
    expect(await client.zoneImports.get(job.id)).toMatchObject({ id: job.id, zone: 'async.example', finished: true, percent: 100, responseCode: 200 });
  });

  it('reads the catalogues and searches zones and records', async () => {
    expect((await client.networks.list()).length).toBeGreaterThan(0);
    expect(await client.filterTypes.list()).toContainEqual(expect.objectContaining({ key: 'up', inputs: expect.any(Array) }));
    expect((await client.metaTypes.list()).length).toBeGreaterThan(0);
    expect(await client.search.list('ns1-only', { type: 'zone' })).toContainEqual({ kind: 'zone', zone: 'ns1-only.com' });
  });
});

describe('Ns1Client: data, monitoring and notification lists', () => {
  it('creates a data source and a feed, publishes to it, and deletes both', async () => {
    expect((await client.dataSourceTypes.list()).map((t) => t.key)).toContain('nsone_v1');
    const source = await client.dataSources.create({ name: 'api servers', sourceType: 'nsone_v1' });
    const feed = await client.dataFeeds.create(source.id, { name: 'east', config: { label: 'east' } });
    expect(feed).toMatchObject({ sourceId: source.id, name: 'east', destinations: [] });
    expect((await client.dataSources.get(source.id)).feeds.map((f) => f.id)).toEqual([feed.id]);
    await client.dataFeeds.publish(source.id, { east: { up: false } });
    expect((await client.dataFeeds.get(source.id, feed.id)).data).toEqual({ up: false });
    await client.dataFeeds.delete(source.id, feed.id);
    expect(await client.dataFeeds.list(source.id)).toEqual([]);
    await client.dataSources.delete(source.id);
    await expect(client.dataSources.get(source.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('creates a monitoring job notifying a list, reads both back, and lists the catalogues', async () => {
    const list = await client.notifyLists.create('on call', [{ type: 'email', config: { email: 'oncall@example.com' } }]);
    expect(await client.notifyLists.get(list.id)).toEqual(list);
    const job = await client.monitorJobs.create({
      name: 'ping api',
      jobType: 'ping',
      regions: ['lga'],
      frequency: 60,
      config: { host: '192.0.2.5' },
      notifyListId: list.id,
    });
    expect(job).toMatchObject({ name: 'ping api', notifyListId: list.id, status: { global: { region: 'global' } } });
    expect(await client.monitorJobs.get(job.id)).toEqual(job);
    expect((await client.monitorJobs.list()).map((j) => j.id)).toContain(job.id);
    expect((await client.monitorJobs.update(job.id, { frequency: 30 })).frequency).toBe(30);
    expect((await client.monitorRegions.list()).map((r) => r.code)).toContain('lga');
    expect((await client.monitorJobTypes.list()).map((t) => t.key)).toContain('ping');
    expect((await client.notifierTypes.list()).map((t) => t.key)).toContain('email');
    expect(await client.monitorHistory.list(job.id)).toEqual(expect.any(Array));
    await client.monitorJobs.delete(job.id);
    await client.notifyLists.delete(list.id);
    expect(await client.notifyLists.list()).not.toContainEqual(expect.objectContaining({ id: list.id }));
  });
});

describe('Ns1Client: account, people and billing', () => {
  it('reads settings, plan, bill, users, keys, teams, activity and Pulsar apps', async () => {
    expect(await client.accountSettings.get()).toMatchObject({ address: expect.any(Object) });
    expect(await client.plan.get()).toMatchObject({ type: 'startup', period: 'monthly', included: { any: { records: 50 } }, balance: '0.00' });
    expect((await client.planTypes.list()).map((p) => `${p.type} ${p.period}`)).toContain('business quarterly');
    expect((await client.bill.get()).tiers.static).toMatchObject({ records: expect.any(Number) });
    expect(await client.usageWarnings.get()).toMatchObject({ queries: { sendWarnings: expect.any(Boolean) } });
    expect((await client.apiKeys.list()).map((k) => k.name)).toContain('Sandbox admin');
    await client.teams.create({ name: 'SRE' });
    expect((await client.teams.list()).map((t) => t.name)).toContain('SRE');
    expect((await client.activity.list({ resourceType: 'team' })).map((e) => e.action)).toEqual(['create']);
    expect((await client.pulsarJobs.list('a1b2c3')).map((j) => j.appId)).toContain('a1b2c3');
    expect((await client.pulsarApps.get('a1b2c3')).id).toBe('a1b2c3');
    expect(await client.users.list()).toEqual(expect.any(Array));
  });

  it('creates a team with named whitelist records and replaces them, a record without a name kept', async () => {
    const team = await client.teams.create({ name: 'Edge', ipWhitelist: [{ name: 'Home Whitelist', values: ['104.20.48.182'] }] });
    expect(team.ipWhitelist).toEqual([{ name: 'Home Whitelist', values: ['104.20.48.182'] }]);
    const changed = await client.teams.update(team.id, { ipWhitelist: [{ values: ['104.20.49.0/24', '104.20.50.1'] }] });
    expect(changed.ipWhitelist).toEqual([{ name: null, values: ['104.20.49.0/24', '104.20.50.1'] }]);
    expect((await client.teams.update(team.id, { name: 'Edge 2' })).ipWhitelist).toEqual(changed.ipWhitelist);
    expect((await client.teams.get(team.id)).ipWhitelist).toEqual(changed.ipWhitelist);
  });

  it('creates a user and an allow list, and changes them', async () => {
    const carol = await client.users.create('carol', { name: 'Carol', email: 'carol@example.com', permissions: { dns: { viewZones: true } } });
    // NS1 allows a flag left out; the gateway's resolvers send every flag of a new user (see account writes).
    expect(carol).toMatchObject({ username: 'carol', permissions: { dns: { viewZones: true, manageZones: true } } });
    expect((await client.users.update('carol', { name: 'Carol C' })).name).toBe('Carol C');
    const allow = await client.ipAllowLists.create('vpn', ['203.0.113.0/24']);
    expect((await client.ipAllowLists.update(allow.id, { values: ['203.0.113.7'] })).values).toEqual(['203.0.113.7']);
    expect(await client.ipAllowLists.get(allow.id)).toEqual({ id: allow.id, name: 'vpn', values: ['203.0.113.7'] });
  });

  it('hands out an invoice link a browser opens without the key, and the key is not in it', async () => {
    const [invoice] = await client.invoices.list();
    if (!invoice) return expect.unreachable('the sandbox has invoices');
    const url = client.invoices.downloadUrl(invoice);
    expect(url).not.toContain(admin);
    const pdf = await fetch(url);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
  });
});

describe('Ns1Client: Pulsar', () => {
  it('reads a job’s live data as one value per geo or geo and region, and its history for one geo', async () => {
    const live = await client.pulsarData.get('a1b2c3', 'j-cdn-a');
    expect(live).toContainEqual({ geo: 'GB', region: null, value: expect.any(Number) });
    expect(live).toContainEqual({ geo: 'US', region: 'NY', value: expect.any(Number) });
    const end = new Date('2024-06-01T12:00:00Z');
    const start = new Date('2024-06-01T11:00:00Z');
    const history = await client.pulsarData.list('a1b2c3', 'j-cdn-a', { start, end, geo: 'GB', agg: 'p90' });
    expect(history).toHaveLength(12);
    expect(history.at(-1)).toMatchObject({ at: end, unit: 'ms' });
    expect(history.every((p) => p.at > start && p.at <= end)).toBe(true);
  });
});

describe("Ns1Client: failures keep NS1's message and status", () => {
  it('a 400 keeps the message NS1 gave', async () => {
    const error = await failureOf(client.zones.create('example.com', {}));
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ provider: 'ns1', code: 'BAD_USER_INPUT', status: 400, message: 'zone already exists' });
  });

  it('a wrong key answers 401 Unauthorized', async () => {
    await expect(clientWith('not-a-key').zones.list()).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401, message: 'Unauthorized' });
  });

  it('a 5xx with a message body keeps that message and status, after the retry of a GET', async () => {
    await h.ns1Control.addFault({ path: '/zones', status: 503, body: { message: 'maintenance window' } });
    await expect(client.zones.list()).rejects.toMatchObject({ code: 'UPSTREAM_ERROR', status: 503, message: 'maintenance window' });
    expect(await calls()).toEqual({ 'GET /zones': 2 });
  });

  it('an error body without a message falls back to the status', async () => {
    await h.ns1Control.addFault({ path: '/account/plan', status: 502, body: { error: 'bad gateway' } });
    await expect(client.plan.get()).rejects.toMatchObject({ status: 502, message: 'ns1 answered HTTP 502' });
  });

  it('a body of the wrong shape names what was expected', async () => {
    await h.ns1Control.addFault({ path: '/stats/qps', status: 200, body: { queries: 5 } });
    await expect(client.qps.get({})).rejects.toMatchObject({
      code: 'UPSTREAM_ERROR',
      status: 200,
      message: expect.stringContaining('ns1 sent an unexpected qps (qps:'),
    });
  });
});

describe('Ns1Client: which writes are sent again', () => {
  it('a PUT that creates is sent once, even when the answer is a 503', async () => {
    await h.ns1Control.addFault({ path: '/monitoring/jobs', method: 'PUT', status: 503 });
    await expect(client.monitorJobs.create({ name: 'x', jobType: 'ping', frequency: 60, config: { host: '192.0.2.5' } })).rejects.toMatchObject({
      status: 503,
    });
    expect(await calls()).toEqual({ 'PUT /monitoring/jobs': 1 });
  });

  it('a zone delete, whose outcome the caller verifies, is sent once; another delete is sent again', async () => {
    await h.ns1Control.addFault({ path: '/zones/example.com', method: 'DELETE', status: 503 });
    await expect(client.zones.delete('example.com')).rejects.toMatchObject({ status: 503 });
    await h.ns1Control.addFault({ path: '/lists', method: 'DELETE', status: 503 });
    await expect(client.notifyLists.delete('5a1b2c3d4e5f60718293a4b5')).rejects.toMatchObject({ status: 503 });
    expect(await calls()).toEqual({ 'DELETE /zones/example.com': 1, 'DELETE /lists/5a1b2c3d4e5f60718293a4b5': 2 });
  });
});

describe('Ns1Client: the key never appears in an error', () => {
  const secret = 'ns1-key-7f3a9c-do-not-leak';
  const shown = (error: unknown) => [String(error), inspect(error, { depth: 5 }), JSON.stringify(error), (error as Error).stack ?? ''].join('\n');

  it('not for a refused key, a timeout, a dropped connection, a malformed body or a wrong shape', async () => {
    const impatient = httpFor({ timeoutMs: 200, maxRetries: 0 });
    const leaked = clientWith(secret);
    const slow = clientWith(secret, impatient);
    const failures = [await failureOf(leaked.zones.get('example.com'))];
    await h.ns1Control.addFault({ path: '/zones', latencyMs: 3000 });
    failures.push(await failureOf(slow.zones.list()));
    await h.ns1Control.clearFaults();
    await h.ns1Control.addFault({ path: '/zones', drop: true });
    failures.push(await failureOf(leaked.zones.list()));
    await h.ns1Control.clearFaults();
    await h.ns1Control.addFault({ path: '/zones', malformed: true });
    failures.push(await failureOf(leaked.zones.list()));
    await h.ns1Control.clearFaults();
    await h.ns1Control.addFault({ path: '/zones', status: 200, body: [{ zone: 'a.example' }] });
    failures.push(await failureOf(leaked.zones.list()));
    await impatient.close();

    expect(failures.map((e) => e.code)).toEqual(['UNAUTHENTICATED', 'UPSTREAM_TIMEOUT', 'UPSTREAM_ERROR', 'UPSTREAM_ERROR', 'UPSTREAM_ERROR']);
    for (const failure of failures) expect(shown(failure)).not.toContain(secret);
    // The key did travel, in its header: a check that cannot fail because nothing was sent proves nothing.
    expect((await h.ns1Control.log()).entries.length).toBeGreaterThan(0);
  });

  it('not for a valid key either', async () => {
    const error = await failureOf(client.records.get('example.com', 'nothing.example.com', 'A'));
    expect(error.status).toBe(404);
    expect(shown(error)).not.toContain(admin);
  });
});
