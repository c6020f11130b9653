import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BuddyNsClient } from '../../../src/providers/buddyns/client.js';
import { buddyNsProvider } from '../../../src/providers/buddyns/provider.js';
import { HttpClient, UpstreamError } from '../../../src/providers/http.js';
import { errorReading } from '../../../src/providers/provider.js';
import { buddyNsSandboxCredentials, startBuddyNsSandbox } from '../../../src/sandbox/buddyns/index.js';
import { SandboxControlClient, type RunningSandbox } from '../../../src/sandbox/kit/index.js';

let sandbox: RunningSandbox;
let control: SandboxControlClient;
let http: HttpClient;
let client: BuddyNsClient;
const credentials = buddyNsSandboxCredentials();

function httpFor(baseUrl: string, overrides: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}) {
  return new HttpClient({
    ...errorReading(buddyNsProvider),
    baseUrl,
    retryBaseDelayMs: 1,
    maxRetries: 1,
    ...overrides,
  });
}

beforeAll(async () => {
  sandbox = await startBuddyNsSandbox({ port: 0 });
  control = new SandboxControlClient(sandbox.origin);
  http = httpFor(sandbox.baseUrl);
  client = new BuddyNsClient(http, { kind: 'token', token: credentials.token }, sandbox.baseUrl);
});
afterAll(async () => {
  await http.close();
  await sandbox.close();
});
beforeEach(async () => {
  await control.reset();
  await control.freezeClock('2024-06-01T12:00:00Z');
});

describe('BuddyNsClient: every endpoint', () => {
  it('lists zones as domain shapes with Unicode and ASCII names and UTC dates', async () => {
    const zones = await client.zones.list();
    expect(zones.find((z) => z.asciiName === 'xn--bcher-kva.de')).toEqual({
      name: 'bücher.de',
      asciiName: 'xn--bcher-kva.de',
      serial: 2024010101,
      master: '198.51.100.53',
      createdAt: new Date('2012-06-06T19:53:07.269Z'),
    });
  });

  it('reads one zone whichever way its IDN name is written', async () => {
    expect(await client.zones.get('bücher.de')).toEqual(await client.zones.get('xn--bcher-kva.de'));
    expect((await control.log()).counts).toEqual({ 'GET /zone/xn--bcher-kva.de': 2 });
  });

  it('adds and deletes a zone', async () => {
    const zone = await client.zones.create('neu.example', '203.0.113.9');
    expect(zone).toMatchObject({ name: 'neu.example', serial: null, master: '203.0.113.9', createdAt: new Date('2024-06-01T12:00:00.000Z') });
    await client.zones.delete('neu.example');
    await expect(client.zones.get('neu.example')).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404, message: 'Not found' });
  });

  it('reads transfer status and delegation', async () => {
    expect(await client.zoneStatus.get('broken-transfer.net')).toMatchObject({
      asciiName: 'broken-transfer.net',
      transferOk: false,
      firstFailureAt: new Date('2024-03-01T08:00:00.000Z'),
      lastSuccessAt: new Date('2024-02-28T23:00:00.000Z'),
    });
    expect(await client.delegations.get('lame-delegation.org')).toEqual({
      name: 'lame-delegation.org',
      asciiName: 'lame-delegation.org',
      master: '198.51.100.53',
      masterOk: true,
      registryOk: false,
      authorityOk: false,
    });
  });

  it('requests SyncNOW for one zone and for all, answered 204 No Content', async () => {
    await client.zones.sync('bücher.de');
    expect((await client.zones.get('bücher.de')).serial).toBe(2024010105);
    await client.zones.syncAll();
    expect((await control.log()).entries.map((e) => [e.path, e.status])).toEqual([
      ['/sync/xn--bcher-kva.de', 204],
      ['/zone/xn--bcher-kva.de', 200],
      ['/sync/', 204],
    ]);
  });

  it('also takes a SyncNOW answered 200 with an empty body', async () => {
    const paths: string[] = [];
    const legacy = createServer((req, res) => {
      paths.push(req.url ?? '');
      res.writeHead(200).end();
    });
    await new Promise<void>((resolve) => legacy.listen(0, '127.0.0.1', resolve));
    const own = httpFor(`http://127.0.0.1:${(legacy.address() as AddressInfo).port}/api/v2`);
    const legacyClient = new BuddyNsClient(own, { kind: 'token', token: credentials.token }, sandbox.baseUrl);
    await expect(legacyClient.zones.sync('bücher.de')).resolves.toBeUndefined();
    await expect(legacyClient.zones.syncAll()).resolves.toBeUndefined();
    expect(paths).toEqual(['/api/v2/sync/xn--bcher-kva.de', '/api/v2/sync/']);
    await own.close();
    await new Promise((resolve) => legacy.close(resolve));
  });

  it('reads user, profile and service, and changes the profile', async () => {
    expect(await client.user.get()).toEqual({ email: 'demo@dnsgraph.dev' });
    expect(await client.service.get()).toEqual({ accountType: 'paid', numZones: 50, trafficQuota: 3_000, numStats: 30 });
    await client.profile.replace({ mobileNumber: '+49 30 1234567', cpanelIntegration: true });
    expect(await client.profile.get()).toEqual({
      usedTraffic: 1_843_200,
      estimatedTraffic: 2_500_000,
      mobileNumber: '+49 30 1234567',
      cpanelIntegration: true,
    });
  });

  it('authenticates with Basic credentials too', async () => {
    const basic = new BuddyNsClient(http, { kind: 'basic', user: credentials.user, password: credentials.password }, sandbox.baseUrl);
    expect((await basic.user.get()).email).toBe('demo@dnsgraph.dev');
    expect(basic.fingerprint).not.toBe(client.fingerprint);
  });
});

describe('BuddyNsClient: failures keep the provider message and map to a code', () => {
  it('401 for a wrong token', async () => {
    const wrong = new BuddyNsClient(http, { kind: 'token', token: 'wrong' }, sandbox.baseUrl);
    await expect(wrong.zones.list()).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401, message: 'Invalid token.' });
  });

  it('400 with field errors under errors and a detail: the message has both', async () => {
    const error = (await client.zones.create('example.com', '300.0.0.1').catch((e: unknown) => e)) as UpstreamError;
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('Invalid zone submitted for addition. name: Zone with this Domain already exists.; master: Enter a valid IPv4 or IPv6 address.');
    expect(error.fieldErrors).toEqual({ name: ['Zone with this Domain already exists.'], master: ['Enter a valid IPv4 or IPv6 address.'] });
  });

  it('400 with field errors at the top level names the field and the reason', async () => {
    await control.addFault({
      path: '/zone',
      method: 'POST',
      status: 400,
      body: { name: ['Zone with this name already exists.'], master: 'Enter a valid IPv4 or IPv6 address.' },
    });
    const error = (await client.zones.create('example.com', '300.0.0.1').catch((e: unknown) => e)) as UpstreamError;
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      status: 400,
      message: 'name: Zone with this name already exists.; master: Enter a valid IPv4 or IPv6 address.',
    });
    expect(error.fieldErrors).toEqual({ name: ['Zone with this name already exists.'], master: ['Enter a valid IPv4 or IPv6 address.'] });
  });

  it('400 with only a detail keeps the detail and reports no field errors', async () => {
    await control.addFault({ path: '/zone', method: 'POST', status: 400, body: { detail: 'JSON parse error - Expecting value' } });
    const error = (await client.zones.create('x.example', '').catch((e: unknown) => e)) as UpstreamError;
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', message: 'JSON parse error - Expecting value', fieldErrors: undefined });
  });

  it('429 with Retry-After', async () => {
    const own = httpFor(sandbox.baseUrl);
    const throttled = new BuddyNsClient(own, { kind: 'token', token: credentials.token }, sandbox.baseUrl);
    await control.addFault({ path: '/zone', status: 429, retryAfterSeconds: 600, message: 'Request was throttled. Expected available in 600 seconds.' });
    await expect(throttled.zones.list()).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: 600,
      message: 'Request was throttled. Expected available in 600 seconds.',
    });
    await expect(throttled.user.get()).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect((await control.log()).total).toBe(1);
    await own.close();
  });

  it('500 after the retry', async () => {
    await control.addFault({ path: '/user', status: 500, message: 'Server Error' });
    await expect(client.user.get()).rejects.toMatchObject({ code: 'UPSTREAM_ERROR', status: 500, message: 'Server Error' });
    expect((await control.log()).total).toBe(2);
  });

  it('a timeout', async () => {
    const impatient = httpFor(sandbox.baseUrl, { timeoutMs: 100, maxRetries: 0 });
    await control.addFault({ path: '/service', latencyMs: 3000 });
    const slow = new BuddyNsClient(impatient, { kind: 'token', token: credentials.token }, sandbox.baseUrl);
    await expect(slow.service.get()).rejects.toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    await impatient.close();
  });

  it('a malformed JSON body', async () => {
    await control.addFault({ path: '/zone', malformed: true });
    await expect(client.zones.list()).rejects.toMatchObject({ code: 'UPSTREAM_ERROR', message: 'buddyns sent a malformed JSON response' });
  });

  it('a body of the wrong shape', async () => {
    await control.addFault({ path: '/user', status: 200, body: { mail: 'demo@dnsgraph.dev' } });
    await expect(client.user.get()).rejects.toMatchObject({
      code: 'UPSTREAM_ERROR',
      status: 200,
      message: 'buddyns sent an unexpected user (email: Invalid input: expected string, received undefined)',
    });
  });

  it('an unreadable timestamp', async () => {
    await control.addFault({ path: '/zone/example.com', status: 200, body: { name: 'example.com', serial: 1, master: '', creation_ts: 'yesterday' } });
    await expect(client.zones.get('example.com')).rejects.toMatchObject({
      code: 'UPSTREAM_ERROR',
      message: expect.stringContaining('"yesterday" is not an ISO 8601 timestamp'),
    });
  });

  it('a dropped connection', async () => {
    await control.addFault({ path: '/zone', drop: true });
    await expect(client.zones.list()).rejects.toMatchObject({ code: 'UPSTREAM_ERROR', status: 0, message: expect.stringContaining('unreachable') });
  });
});
