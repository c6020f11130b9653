import { describe, expect, it } from 'vitest';
import { ns1SandboxKeys } from '../../../src/sandbox/ns1/index.js';
import { useNs1Sandbox } from './ns1-client.js';

const ns1 = useNs1Sandbox();
const { call } = ns1;

const PING = '52a27d4397d5f07003fdbe7b';
const TCP = '52cae678830f7809ec5c9f6b';
const WEB_SOURCE = 'a53252f9e583c6708331a1da';
const pingJob = (extra: Record<string, unknown>) => ({ name: 'ping api', job_type: 'ping', regions: ['lga'], config: { host: '192.0.2.5' }, ...extra });
const refused = { status: 400, body: { message: expect.any(String) } };

describe('NS1 sandbox: monitoring jobs follow the documented rules', () => {
  it('takes notify_repeat of 0 (no repeats) or at least 60 seconds, and refuses less', async () => {
    expect(await call('PUT', '/monitoring/jobs', pingJob({ notify_repeat: 30 }))).toMatchObject(refused);
    expect(await call('POST', `/monitoring/jobs/${PING}`, { notify_repeat: 59 })).toMatchObject(refused);
    expect(await call('PUT', '/monitoring/jobs', pingJob({ notify_repeat: 0 }))).toMatchObject({ status: 200, body: { notify_repeat: 0 } });
    expect(await call('POST', `/monitoring/jobs/${PING}`, { notify_repeat: 60 })).toMatchObject({ status: 200, body: { notify_repeat: 60 } });
  });

  it('takes only region_scope fixed', async () => {
    expect(await call('PUT', '/monitoring/jobs', pingJob({ region_scope: 'dynamic' }))).toMatchObject(refused);
    expect(await call('POST', `/monitoring/jobs/${PING}`, { region_scope: 'dynamic' })).toMatchObject(refused);
    expect(await call('PUT', '/monitoring/jobs', pingJob({ region_scope: 'fixed' }))).toMatchObject({ status: 200, body: { region_scope: 'fixed' } });
  });

  it('takes rules only on the job type’s results, with the comparators /monitoring/jobtypes lists for each', async () => {
    expect(await call('PUT', '/monitoring/jobs', pingJob({ rules: [{ key: 'connect', comparison: '<', value: 100 }] }))).toMatchObject(refused);
    expect(await call('PUT', '/monitoring/jobs', pingJob({ rules: [{ key: 'rtt', comparison: 'contains', value: 100 }] }))).toMatchObject(refused);
    expect(await call('POST', `/monitoring/jobs/${TCP}`, { rules: [{ key: 'output', comparison: '<', value: 5 }] })).toMatchObject(refused);
    expect(await call('POST', `/monitoring/jobs/${TCP}`, { rules: [{ key: 'toString', comparison: '<', value: 5 }] })).toMatchObject(refused);
    const rules = [
      { key: 'output', comparison: 'contains', value: 'OK' },
      { key: 'connect', comparison: '>=', value: 10 },
    ];
    expect(await call('POST', `/monitoring/jobs/${TCP}`, { rules })).toMatchObject({ status: 200, body: { rules } });
    const types = (await call('GET', '/monitoring/jobtypes')).body as Record<string, { results: Record<string, { comparators: string[] }> }>;
    expect(types.tcp?.results.output?.comparators).toEqual(['contains']);
  });

  it('refuses metrics for a region unless a specific job is named', async () => {
    expect(await call('GET', '/monitoring/metrics?region=lga')).toMatchObject(refused);
    expect(await call('GET', '/monitoring/metrics?region=global&period=1h')).toMatchObject(refused);
    expect((await call('GET', '/monitoring/metrics?period=1h')).status).toBe(200);
    expect(await call('GET', `/monitoring/metrics/${PING}?region=lga`)).toMatchObject({ status: 200, body: [{ jobid: PING, region: 'lga' }] });
  });
});

describe('NS1 sandbox: notification lists', () => {
  it('takes a datafeed notifier only for an existing nsone_monitoring data source', async () => {
    const list = (sourceid: string) => ({ name: 'feeds', notify_list: [{ type: 'datafeed', config: { sourceid } }] });
    expect(await call('PUT', '/lists', list('000000000000000000000000'))).toMatchObject(refused);
    expect(await call('PUT', '/lists', list(WEB_SOURCE))).toMatchObject(refused);
    const monitoring = await call('PUT', '/data/sources', { sourcetype: 'nsone_monitoring', name: 'monitors' });
    const sourceid = (monitoring.body as { id: string }).id;
    expect(await call('PUT', '/lists', list(sourceid))).toMatchObject({ status: 200, body: { notify_list: [{ type: 'datafeed', config: { sourceid } }] } });
    expect(await call('POST', '/lists/52b49af12f21574b0e0bffe7', list('000000000000000000000000'))).toMatchObject(refused);
  });
});

describe('NS1 sandbox: data sources and the feed URL', () => {
  it('refuses a data source whose config lacks what its source type’s config description requires', async () => {
    expect(await call('PUT', '/data/sources', { sourcetype: 'monitis', name: 'm', config: {} })).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('api_key') },
    });
    expect(await call('PUT', '/data/sources', { sourcetype: 'monitis', name: 'm', config: { api_key: 'k' } })).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('secret_key') },
    });
    const created = await call('PUT', '/data/sources', { sourcetype: 'monitis', name: 'm', config: { api_key: 'k', secret_key: 's' } });
    expect(created.status).toBe(200);
    const id = (created.body as { id: string }).id;
    expect(await call('POST', `/data/sources/${id}`, { config: { api_key: 'k2' } })).toMatchObject(refused);
    expect(await call('POST', `/data/sources/${id}`, { config: { api_key: 'k2', secret_key: 's2' } })).toMatchObject({ status: 200 });
  });

  it('publishes through the feed URL with GET (query string), PUT and POST alike', async () => {
    const upOf = async () => ((await call('GET', '/zones/ns1-only.com/www.ns1-only.com/A')).body as { answers: Array<{ meta: { up: unknown } }> }).answers;
    expect(await call('PUT', `/feed/${WEB_SOURCE}`, { 'web-east': { up: false } })).toMatchObject({
      status: 200,
      body: { updated_feeds: [expect.any(String)] },
    });
    expect((await upOf())[0]?.meta.up).toBe(false);
    expect(await call('GET', `/feed/${WEB_SOURCE}?up=true`)).toMatchObject({ status: 200, body: { updated_feeds: [expect.any(String), expect.any(String)] } });
    expect((await upOf()).map((a) => a.meta.up)).toEqual(['true', 'true']);
    expect(await call('POST', `/feed/${WEB_SOURCE}`, { 'web-west': { up: false } })).toMatchObject({ status: 200 });
    expect((await call('GET', `/feed/${WEB_SOURCE}?up=1`, undefined, ns1SandboxKeys().readOnly)).status).toBe(403);
  });
});

describe('NS1 sandbox: answers in the documented shape', () => {
  it('answers record usage without a record count, as the documented examples show', async () => {
    const [record] = (await call('GET', '/stats/usage/example.com/example.com/MX?period=24h')).body as Array<Record<string, unknown>>;
    expect(Object.keys(record ?? {}).sort()).toEqual(['domain', 'graph', 'period', 'queries', 'rectype', 'zone']);
    const expanded = (await call('GET', '/stats/usage/example.com?expand=true&aggregate=false')).body as Array<Record<string, unknown>>;
    expect(expanded.length).toBeGreaterThan(1);
    for (const entry of expanded) expect(entry).not.toHaveProperty('records');
    const [zone] = (await call('GET', '/stats/usage/example.com')).body as Array<Record<string, unknown>>;
    expect(zone).toMatchObject({ zone: 'example.com', records: expect.any(Number) });
  });

  it('answers an asynchronous zone file import with the job alone', async () => {
    const form = new FormData();
    form.set('zonefile', new Blob(['$ORIGIN shape.example.\n@ 300 IN A 192.0.2.1\n']), 'shape.example.zone');
    const res = await fetch(`${ns1.sandbox().baseUrl}/import/zonefile/shape.example?async=true`, {
      method: 'PUT',
      headers: { 'x-nsone-key': ns1SandboxKeys().admin },
      body: form,
    });
    expect(Object.keys((await res.json()) as object).sort()).toEqual(['id', 'percent', 'sent', 'status', 'type']);
  });
});
