import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buddyNsSandboxCredentials, startBuddyNsSandbox } from '../../../src/sandbox/buddyns/index.js';
import { SandboxControlClient, type RunningSandbox } from '../../../src/sandbox/kit/index.js';

const { token, user, password } = buddyNsSandboxCredentials();
let sandbox: RunningSandbox;
let control: SandboxControlClient;

async function call(method: string, path: string, options: { form?: Record<string, string>; json?: unknown; auth?: string | null } = {}) {
  const headers: Record<string, string> = {};
  if (options.auth !== null) headers.authorization = options.auth ?? `Token ${token}`;
  let body: string | undefined;
  if (options.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(options.form).toString();
  }
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  const res = await fetch(`${sandbox.baseUrl}${path}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
}

beforeAll(async () => {
  sandbox = await startBuddyNsSandbox({ port: 0 });
  control = new SandboxControlClient(sandbox.origin);
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await control.reset();
  await control.freezeClock('2024-06-01T12:00:00Z');
});

describe('BuddyNS sandbox: authentication', () => {
  it('accepts the token and Basic credentials', async () => {
    expect((await call('GET', '/zone/')).status).toBe(200);
    const basic = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    expect((await call('GET', '/zone/', { auth: basic })).status).toBe(200);
  });

  it('answers 401 with a DRF detail for a missing or wrong credential', async () => {
    expect(await call('GET', '/zone/', { auth: null })).toMatchObject({ status: 401, body: { detail: 'Authentication credentials were not provided.' } });
    expect(await call('GET', '/zone/', { auth: 'Token nope' })).toMatchObject({ status: 401, body: { detail: 'Invalid token.' } });
    const wrong = `Basic ${Buffer.from(`${user}:wrong`).toString('base64')}`;
    expect(await call('GET', '/zone/', { auth: wrong })).toMatchObject({ status: 401, body: { detail: 'Invalid username/password.' } });
  });

  it('throttles with 429 and Retry-After once the budget is spent', async () => {
    await control.setRateLimit(2, 60);
    await call('GET', '/user/');
    await call('GET', '/user/');
    const third = await call('GET', '/user/');
    expect(third.status).toBe(429);
    expect(third.body).toEqual({ detail: expect.stringMatching(/^Request was throttled\. Expected available in \d+ seconds\.$/) });
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('BuddyNS sandbox: zones', () => {
  it('lists the demo zones with hypermedia links, Unicode and ASCII names', async () => {
    const { status, body } = await call('GET', '/zone/');
    expect(status).toBe(200);
    const zones = body as Array<Record<string, unknown>>;
    expect(zones.map((z) => z.name)).toEqual(['broken-transfer.net', 'buddy-only.io', 'example.com', 'lame-delegation.org', 'bücher.de']);
    expect(zones.find((z) => z.name === 'bücher.de')).toEqual({
      name: 'bücher.de',
      name_idn: 'xn--bcher-kva.de',
      serial: 2024010101,
      master: '198.51.100.53',
      creation_ts: '2012-06-06T19:53:07.269',
      status: '/api/v2/zone/bücher.de/status/',
      delegation: '/api/v2/zone/bücher.de/delegation/',
    });
  });

  it('routes each path with the trailing slash the documentation gives it, and only so', async () => {
    for (const path of ['/user/', '/user/profile/', '/service/', '/zone/', '/zone/example.com', '/zone/example.com/status/', '/zone/example.com/delegation/']) {
      expect((await call('GET', path)).status, path).toBe(200);
    }
    for (const path of ['/user', '/user/profile', '/service', '/zone', '/zone/example.com/', '/zone/example.com/status', '/zone/example.com/delegation']) {
      expect((await call('GET', path)).status, path).toBe(404);
    }
  });

  it('reads an IDN zone by its Unicode or its ASCII name', async () => {
    const unicode = await call('GET', `/zone/${encodeURIComponent('bücher.de')}`);
    const ascii = await call('GET', '/zone/xn--bcher-kva.de');
    expect(unicode.status).toBe(200);
    expect(ascii.body).toEqual(unicode.body);
  });

  it('adds, lists, reads and deletes a zone, then answers 404 Not found', async () => {
    const created = await call('POST', '/zone/', { form: { name: 'new-zone.com', master: '203.0.113.20' } });
    expect(created).toMatchObject({
      status: 201,
      body: { name: 'new-zone.com', name_idn: 'new-zone.com', serial: null, master: '203.0.113.20', creation_ts: '2024-06-01T12:00:00.000' },
    });
    expect(((await call('GET', '/zone/')).body as Array<{ name: string }>).map((z) => z.name)).toContain('new-zone.com');
    expect((await call('DELETE', '/zone/new-zone.com')).status).toBe(204);
    expect(await call('GET', '/zone/new-zone.com')).toMatchObject({ status: 404, body: { detail: 'Not found' } });
    expect(await call('DELETE', '/zone/new-zone.com')).toMatchObject({ status: 404, body: { detail: 'Not found' } });
  });

  it('refuses a bad zone with field errors under errors and a detail, as the live API does', async () => {
    const detail = 'Invalid zone submitted for addition.';
    expect(await call('POST', '/zone/', { form: { master: '' } })).toEqual(
      expect.objectContaining({ status: 400, body: { errors: { name: ['This field is required.'] }, detail } }),
    );
    expect(await call('POST', '/zone/', { form: { name: 'not a domain', master: '' } })).toMatchObject({
      status: 400,
      body: { errors: { name: ['Enter a valid domain name.'] }, detail },
    });
    expect(await call('POST', '/zone/', { form: { name: 'x.com', master: '300.1.1.1' } })).toMatchObject({
      status: 400,
      body: { errors: { master: ['Enter a valid IPv4 or IPv6 address.'] }, detail },
    });
    expect(await call('POST', '/zone/', { form: { name: 'xn--bcher-kva.de', master: '' } })).toEqual(
      expect.objectContaining({ status: 400, body: { errors: { name: ['Zone with this Domain already exists.'] }, detail } }),
    );
  });

  it('takes JSON bodies as well as form bodies, as Django REST framework does', async () => {
    expect(await call('POST', '/zone/', { json: { name: 'json.example', master: '203.0.113.9' } })).toMatchObject({
      status: 201,
      body: { name: 'json.example', master: '203.0.113.9' },
    });
    expect(await call('POST', '/zone/', { json: { name: 'json.example', master: '' } })).toMatchObject({
      status: 400,
      body: { errors: { name: ['Zone with this Domain already exists.'] } },
    });
    expect((await call('PUT', '/user/profile/', { json: { mobile_number: '+49 30 1234567', cpanel_integration: true } })).body).toMatchObject({
      mobile_number: '+49 30 1234567',
      cpanel_integration: true,
    });
    expect(await call('POST', '/zone/', { json: ['json.example'] })).toMatchObject({
      status: 400,
      body: { detail: 'Invalid data. Expected a dictionary, but got list.' },
    });
    const malformed = await fetch(`${sandbox.baseUrl}/zone/`, {
      method: 'POST',
      headers: { authorization: `Token ${token}`, 'content-type': 'application/json' },
      body: '{"name": ',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ detail: expect.stringMatching(/^JSON parse error - /) });
  });

  it('answers 415 for a media type it cannot parse', async () => {
    const res = await fetch(`${sandbox.baseUrl}/zone/`, {
      method: 'POST',
      headers: { authorization: `Token ${token}`, 'content-type': 'text/plain' },
      body: 'name=x.example',
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({ detail: 'Unsupported media type "text/plain" in request.' });
    expect((await call('GET', '/zone/x.example')).status).toBe(404);
  });

  it('transfers a new zone from a reachable master after a few seconds', async () => {
    await call('POST', '/zone/', { form: { name: 'fresh.org', master: '203.0.113.20' } });
    expect(await call('GET', '/zone/fresh.org/status/')).toMatchObject({ body: { transfer_ok: false, last_success_ts: null } });
    await control.advanceClock(10);
    expect(await call('GET', '/zone/fresh.org/status/')).toMatchObject({ body: { transfer_ok: true, last_success_ts: '2024-06-01T12:00:05.000' } });
    expect((await call('GET', '/zone/fresh.org')).body).toMatchObject({ serial: expect.any(Number) });
  });

  it('reports failing transfers from an unreachable master, with advancing failure times', async () => {
    const first = (await call('GET', '/zone/broken-transfer.net/status/')).body as Record<string, unknown>;
    expect(first).toMatchObject({
      zone: 'broken-transfer.net',
      transfer_ok: false,
      first_failure_ts: '2024-03-01T08:00:00.000',
      last_success_ts: '2024-02-28T23:00:00.000',
    });
    await control.advanceClock(3600);
    const later = (await call('GET', '/zone/broken-transfer.net/status/')).body as Record<string, string>;
    expect(Date.parse(`${later.last_failure_ts}Z`)).toBeGreaterThan(Date.parse(`${String(first.last_failure_ts)}Z`));
  });

  it('reports delegation details, broken for lame-delegation.org', async () => {
    expect((await call('GET', '/zone/lame-delegation.org/delegation/')).body).toEqual({
      zone: 'lame-delegation.org',
      master: '198.51.100.53',
      master_ok: true,
      registry_ok: false,
      authority_ok: false,
    });
    expect((await call('GET', `/zone/${encodeURIComponent('bücher.de')}/delegation/`)).body).toMatchObject({ zone: 'bücher.de', registry_ok: true });
  });

  it('SyncNOW brings a zone that is behind up to its master serial', async () => {
    const sync = await call('GET', `/sync/${encodeURIComponent('bücher.de')}`);
    expect(sync).toMatchObject({ status: 204, body: undefined });
    expect((await call('GET', '/zone/xn--bcher-kva.de')).body).toMatchObject({ serial: 2024010105 });
    expect(await call('GET', '/sync/')).toMatchObject({ status: 204, body: undefined });
    expect((await call('GET', '/sync/unknown.com')).status).toBe(404);
  });
});

describe('BuddyNS sandbox: details', () => {
  it('transfers a zone added without a master, as the documentation shows', async () => {
    await call('POST', '/zone/', { form: { name: 'no-master.example', master: '' } });
    await control.advanceClock(10);
    expect((await call('GET', '/zone/no-master.example/status/')).body).toMatchObject({ transfer_ok: true });
    expect((await call('GET', '/zone/no-master.example/delegation/')).body).toMatchObject({ master: '', master_ok: true });
  });

  it('keeps the failure time of a SyncNOW against a failing master', async () => {
    await control.advanceClock(11 * 60);
    await call('GET', '/sync/broken-transfer.net');
    const synced = ((await call('GET', '/zone/broken-transfer.net/status/')).body as { last_failure_ts: string }).last_failure_ts;
    expect(synced).toBe('2024-06-01T12:11:00.000');
  });

  it('refuses an invalid punycode name and takes a Unicode one from the form', async () => {
    expect((await call('POST', '/zone/', { form: { name: 'xn--zz.com', master: '' } })).status).toBe(400);
    expect(await call('POST', '/zone/', { form: { name: 'straße.example', master: '' } })).toMatchObject({
      status: 201,
      body: { name: 'straße.example', name_idn: 'xn--strae-oqa.example' },
    });
  });

  it('seeds zones all or nothing, and a seeded serial counts as transferred', async () => {
    await expect(control.seed({ zones: [{ name: 'ok.example', serial: 5 }, { name: 'not valid!' }] })).rejects.toThrow(/400/);
    expect((await call('GET', '/zone/ok.example')).status).toBe(404);
    await control.seed({ zones: [{ name: 'ok.example', master: '198.51.100.53', serial: 5 }], bulkZones: 3 });
    expect((await call('GET', '/zone/ok.example/status/')).body).toMatchObject({ transfer_ok: true });
    expect(((await call('GET', '/zone/')).body as unknown[]).length).toBe(9);
  });

  it('answers a malformed form body with 400', async () => {
    const res = await fetch(`${sandbox.baseUrl}/zone/`, {
      method: 'POST',
      headers: { authorization: `Token ${token}`, 'content-type': 'multipart/form-data; boundary=x' },
      body: 'not multipart',
    });
    expect(res.status).toBe(400);
  });
});

describe('BuddyNS sandbox: account', () => {
  it('serves user, profile and service', async () => {
    expect((await call('GET', '/user/')).body).toEqual({ email: 'demo@dnsgraph.dev' });
    expect((await call('GET', '/user/profile/')).body).toEqual({
      used_traffic: 1_843_200,
      estimated_traffic: 2_500_000,
      mobile_number: '+1 555 010 0000',
      cpanel_integration: false,
    });
    expect((await call('GET', '/service/')).body).toEqual({ account_type: 'paid', num_zones: 50, traffic_quota: 3_000, num_stats: 30 });
  });

  it('reports the plan allowance as num_zones, whatever the zones in use', async () => {
    await call('POST', '/zone/', { form: { name: 'one-more.example', master: '' } });
    expect((await call('GET', '/service/')).body).toMatchObject({ num_zones: 50 });
    expect(((await call('GET', '/zone/')).body as unknown[]).length).toBe(6);
  });

  it('changes the profile and validates the mobile number', async () => {
    const changed = await call('PUT', '/user/profile/', { form: { mobile_number: '+44 20 7946 0000', cpanel_integration: 'true' } });
    expect(changed.body).toMatchObject({ mobile_number: '+44 20 7946 0000', cpanel_integration: true });
    expect((await call('GET', '/user/profile/')).body).toMatchObject({ mobile_number: '+44 20 7946 0000' });
    // A PUT replaces the profile: a box left out is unchecked, a missing number is required.
    await call('PUT', '/user/profile/', { form: { mobile_number: '+44 20 7946 0000' } });
    expect((await call('GET', '/user/profile/')).body).toMatchObject({ cpanel_integration: false });
    expect((await call('PUT', '/user/profile/', { form: { cpanel_integration: 'true' } })).body).toMatchObject({ mobile_number: ['This field is required.'] });
    expect(await call('PUT', '/user/profile/', { form: { mobile_number: '555-1234' } })).toMatchObject({
      status: 400,
      body: { mobile_number: [expect.any(String)] },
    });
  });

  it('answers 405 for a method the resource does not have', async () => {
    expect(await call('DELETE', '/user/')).toMatchObject({ status: 405 });
  });
});
