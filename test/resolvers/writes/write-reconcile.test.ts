import { describe, expect, it } from 'vitest';
import { buddyNsSandboxCredentials } from '../../../src/sandbox/buddyns/index.js';
import { ns1SandboxKeys } from '../../../src/sandbox/ns1/index.js';
import { countUpstreamCalls, useHarness } from '../../support/harness.js';

const h = useHarness({ env: { UPSTREAM_TIMEOUT_MS: '2000' } });

async function ns1List(path: string): Promise<Array<Record<string, unknown>>> {
  const res = await fetch(`${h.ns1.baseUrl}${path}`, { headers: { 'x-nsone-key': ns1SandboxKeys().admin } });
  if (res.status === 404) {
    await res.arrayBuffer();
    return [];
  }
  const body = (await res.json()) as unknown;
  return Array.isArray(body) ? (body as Array<Record<string, unknown>>) : [body as Record<string, unknown>];
}

async function buddyZones(): Promise<Array<{ name: string; master: string }>> {
  const res = await fetch(`${h.buddyns.baseUrl}/zone/`, { headers: { authorization: `Token ${buddyNsSandboxCredentials().token}` } });
  return (await res.json()) as Array<{ name: string; master: string }>;
}

const SOURCE = 'a53252f9e583c6708331a1da';

/** Every create, its upstream write, and how many objects of its kind carry its name afterwards. */
const CREATES: Array<{ what: string; mutation: string; sandbox: 'ns1' | 'buddyns'; method: string; path: string; count: () => Promise<number> }> = [
  {
    what: 'an NS1 zone',
    mutation: 'mutation { createZone(input: { name: "lost.example", providers: [NS1] }) { name } }',
    sandbox: 'ns1',
    method: 'PUT',
    path: '/zones/lost.example',
    count: async () => (await ns1List('/zones')).filter((z) => z.zone === 'lost.example').length,
  },
  {
    what: 'a BuddyNS zone',
    mutation: 'mutation { createZone(input: { name: "lost.example", providers: [BUDDYNS], buddyns: { master: "203.0.113.8" } }) { name } }',
    sandbox: 'buddyns',
    method: 'POST',
    path: '/zone',
    count: async () => (await buddyZones()).filter((z) => z.name === 'lost.example').length,
  },
  {
    what: 'a record',
    mutation: 'mutation { createRecord(input: { zone: "example.com", domain: "lost.example.com", type: A, answers: [{ rdata: ["192.0.2.77"] }] }) { id } }',
    sandbox: 'ns1',
    method: 'PUT',
    path: '/zones/example.com/lost.example.com/A',
    count: async () =>
      (await ns1List('/zones/example.com'))
        .flatMap((z) => z.records as Array<{ domain: string; type: string }>)
        .filter((r) => r.domain === 'lost.example.com' && r.type === 'A').length,
  },
  {
    what: 'a user',
    mutation: 'mutation { createUser(username: "lost", input: { name: "Lost", email: "lost@example.com" }) { username } }',
    sandbox: 'ns1',
    method: 'PUT',
    path: '/account/users/lost',
    count: async () => (await ns1List('/account/users')).filter((u) => u.username === 'lost').length,
  },
  {
    what: 'an API key',
    mutation: 'mutation { createApiKey(input: { name: "lost key" }) { secret } }',
    sandbox: 'ns1',
    method: 'PUT',
    path: '/account/apikeys',
    count: async () => (await ns1List('/account/apikeys')).filter((k) => k.name === 'lost key').length,
  },
  {
    what: 'a team',
    mutation: 'mutation { createTeam(input: { name: "lost team" }) { id } }',
    sandbox: 'ns1',
    method: 'PUT',
    path: '/account/teams',
    count: async () => (await ns1List('/account/teams')).filter((t) => t.name === 'lost team').length,
  },
  {
    what: 'an IP allow list',
    mutation: 'mutation { createIpAllowList(input: { name: "lost list", values: ["192.0.2.0/24"] }) { id } }',
    sandbox: 'ns1',
    method: 'PUT',
    path: '/account/whitelist',
    count: async () => (await ns1List('/account/whitelist')).filter((l) => l.name === 'lost list').length,
  },
  {
    what: 'a payment method',
    mutation: 'mutation { addPaymentMethod(input: { number: "4111 1111 1111 1111", expMonth: 11, expYear: 2098 }) { id } }',
    sandbox: 'ns1',
    method: 'PUT',
    path: '/account/paymentmethods',
    count: async () => (await ns1List('/account/paymentmethods')).filter((p) => p.cc_expire_year === 2098).length,
  },
  {
    what: 'a data source',
    mutation: 'mutation { createDataSource(input: { name: "lost source", sourceType: "nsone_v1" }) { id } }',
    sandbox: 'ns1',
    method: 'PUT',
    path: '/data/sources',
    count: async () => (await ns1List('/data/sources')).filter((s) => s.name === 'lost source').length,
  },
  {
    what: 'a data feed',
    mutation: `mutation { createDataFeed(sourceId: "${SOURCE}", input: { name: "lost feed", config: { label: "lost" } }) { id } }`,
    sandbox: 'ns1',
    method: 'PUT',
    path: `/data/feeds/${SOURCE}`,
    count: async () => (await ns1List(`/data/feeds/${SOURCE}`)).filter((f) => f.name === 'lost feed').length,
  },
  {
    what: 'a monitoring job',
    mutation:
      'mutation { createMonitorJob(input: { name: "lost job", jobType: TCP, regions: ["lga"], frequency: 30, policy: ALL, config: { host: "192.0.2.9", port: 443 } }) { id } }',
    sandbox: 'ns1',
    method: 'PUT',
    path: '/monitoring/jobs',
    count: async () => (await ns1List('/monitoring/jobs')).filter((j) => j.name === 'lost job').length,
  },
  {
    what: 'a notification list',
    mutation: 'mutation { createNotificationList(input: { name: "lost notify", notifiers: [] }) { id } }',
    sandbox: 'ns1',
    method: 'PUT',
    path: '/lists',
    count: async () => (await ns1List('/lists')).filter((l) => l.name === 'lost notify').length,
  },
];

describe('a create whose answer is lost after it was applied', () => {
  for (const create of CREATES) {
    it(`creates ${create.what} once and reports success`, async () => {
      const control = create.sandbox === 'ns1' ? h.ns1Control : h.buddyControl;
      await control.addFault({ path: create.path, method: create.method, dropAfterApply: true, times: 1 });
      const { errors } = await h.gql(create.mutation);
      expect(errors).toBeUndefined();
      expect(await create.count()).toBe(1);
    });
  }

  it('an API key whose answer was lost is answered from the key list, its secret one that works, created once', async () => {
    await h.ns1Control.addFault({ path: '/account/apikeys', method: 'PUT', dropAfterApply: true, times: 1 });
    const { result, ns1 } = await countUpstreamCalls(h, () =>
      h.gql<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
        'mutation { createApiKey(input: { name: "recovered key" }) { secret apiKey { id } } }',
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(ns1.counts['PUT /account/apikeys']).toBe(1);
    expect(ns1.counts['DELETE /account/apikeys/' + result.data!.createApiKey.apiKey.id]).toBeUndefined();
    const listed = (await ns1List('/account/apikeys')).filter((k) => k.name === 'recovered key');
    expect(listed).toEqual([expect.objectContaining({ id: result.data!.createApiKey.apiKey.id, key: result.data!.createApiKey.secret })]);
    const own = await fetch(`${h.ns1.baseUrl}/zones`, { headers: { 'x-nsone-key': result.data!.createApiKey.secret } });
    await own.arrayBuffer();
    expect(own.status).not.toBe(401);
  });

  it('a zone create answered after the timeout: success, one zone, and no second PUT', async () => {
    await h.ns1Control.addFault({ path: '/zones/late.example', method: 'PUT', latencyAfterApplyMs: 5000 });
    const { result, ns1 } = await countUpstreamCalls(h, async () => {
      const answer = await h.gql('mutation { createZone(input: { name: "late.example", providers: [NS1] }) { name providers } }');
      // The sandbox logs a request when it answers: wait for the late answer before counting.
      await new Promise((resolve) => setTimeout(resolve, 5000));
      return answer;
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ createZone: { name: 'late.example', providers: ['NS1'] } });
    expect(ns1.counts['PUT /zones/late.example'] ?? 0).toBe(1);
  });

  it('a create refused at once keeps the provider’s answer and is sent once', async () => {
    await h.ns1Control.addFault({ path: '/zones/refused.example', method: 'PUT', status: 400, message: 'zone already exists' });
    const { result, ns1 } = await countUpstreamCalls(h, () => h.gql('mutation { createZone(input: { name: "refused.example", providers: [NS1] }) { name } }'));
    expect(result.errors?.[0]).toMatchObject({ message: 'NS1: zone already exists', extensions: { code: 'BAD_USER_INPUT', provider: 'NS1', status: 400 } });
    expect(ns1.counts['PUT /zones/refused.example']).toBe(1);
  });

  it('a delete answered 404 to its own lost first attempt is a success, not NOT_FOUND', async () => {
    await h.ns1Control.addFault({ path: '/zones/ns1-only.com', method: 'DELETE', dropAfterApply: true, times: 1 });
    const { data, errors } = await h.gql('mutation { deleteZone(name: "ns1-only.com") }');
    expect(errors).toBeUndefined();
    expect(data).toEqual({ deleteZone: true });
  });
});

describe('PARTIALLY_APPLIED and zone health', () => {
  it('names the BuddyNS secondary left pointing at a missing NS1 primary, in the error and in health', async () => {
    // The BuddyNS secondary is deleted first, so its failure leaves both halves in place…
    await h.buddyControl.addFault({ path: '/zone/example.com', method: 'DELETE', status: 500 });
    const first = await h.gql('mutation { deleteZone(name: "example.com") }');
    expect(first.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', provider: 'BUDDYNS' });
    const zone = await h.gql<{ zone: { providers: string[] } }>('{ zone(name: "example.com") { providers } }');
    expect(zone.data?.zone.providers).toEqual(['NS1', 'BUDDYNS']);
    // …while deleting NS1 alone, as asked, leaves the secondary without its primary, and health says so.
    await h.buddyControl.clearFaults();
    await h.gql('mutation { deleteZone(name: "example.com", providers: [NS1]) }');
    const health = await h.gql<{ zone: { health: { problems: string[] } } }>('{ zone(name: "example.com") { health { problems } } }');
    expect(health.data?.zone.health.problems).toContain(
      'BuddyNS transfers this zone from NS1 (198.51.100.53), but NS1 does not have it: create it on NS1 or delete it from BuddyNS',
    );
  });

  it('reports the NS1 primary left without its secondary, with the remedy, and health names it', async () => {
    await h.ns1Control.addFault({ path: '/zones/example.com', method: 'DELETE', status: 500 });
    const { data, errors } = await h.gql('mutation { deleteZone(name: "example.com") }');
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'PARTIALLY_APPLIED',
      applied: { NS1: [], BUDDYNS: ['deleted zone example.com'] },
      leftOver: [{ provider: 'NS1', kind: 'zone', name: 'example.com', exists: true }],
      remedy: 'mutation { deleteZone(name: "example.com", providers: [NS1]) }',
    });
    const health = await h.gql<{ zone: { health: { problems: string[] } } }>('{ zone(name: "example.com") { health { problems } } }');
    expect(health.data?.zone.health.problems).toContain(
      'NS1 is primary for this zone, but BuddyNS has no secondary for it: add it on BuddyNS (createZone with providers [BUDDYNS]) or stop NS1 transfers',
    );
    await h.ns1Control.clearFaults();
    expect((await h.gql(String(errors?.[0]?.extensions?.remedy))).errors).toBeUndefined();
    expect((await h.gql('{ zone(name: "example.com") { name } }')).data).toEqual({ zone: null });
  });

  it('answers OUTCOME_UNKNOWN only when the re-read fails too, and undoes nothing', async () => {
    // The answer to the add is held, then lost; BuddyNS's list fails from the moment the zone is there.
    await h.buddyControl.addFault({ path: '/zone', method: 'POST', dropAfterApply: true, latencyAfterApplyMs: 1_000 });
    const asked = h.gql('mutation { createZone(input: { name: "unknown.example", providers: [NS1, BUDDYNS] }) { name } }');
    await expect.poll(async () => (await buddyZones()).some((zone) => zone.name === 'unknown.example'), { interval: 20, timeout: 5_000 }).toBe(true);
    await h.buddyControl.addFault({ path: '/zone', method: 'GET', status: 503 });
    const { errors } = await asked;
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'OUTCOME_UNKNOWN',
      provider: 'BUDDYNS',
      applied: { NS1: ['created zone unknown.example'], BUDDYNS: [] },
    });
    await h.buddyControl.clearFaults();
    expect((await h.gql('{ zone(name: "unknown.example") { providers } }')).data).toEqual({ zone: { providers: ['NS1', 'BUDDYNS'] } });
  });
});

describe('no lost updates', () => {
  const READ = '{ record(zone: "example.com", domain: "example.com", type: A) { version answers { rdata } } }';
  const UPDATE =
    'mutation ($v: String, $ip: String!) { updateRecord(zone: "example.com", domain: "example.com", type: A, ifVersion: $v, input: { answers: [{ rdata: [$ip] }] }) { version answers { rdata } } }';

  it('two editors saving against the same version: one wins, the other gets CONFLICT with the current version', async () => {
    const read = await h.gql<{ record: { version: string } }>(READ);
    const version = read.data!.record.version;
    const [a, b] = await Promise.all([h.gql(UPDATE, { v: version, ip: '192.0.2.101' }), h.gql(UPDATE, { v: version, ip: '192.0.2.102' })]);
    const winners = [a, b].filter((r) => !r.errors);
    const losers = [a, b].filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const now = await h.gql<{ record: { version: string; answers: Array<{ rdata: string[] }> } }>(READ);
    expect(losers[0]?.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', currentVersion: now.data?.record.version });
    expect(now.data?.record.answers).toEqual((winners[0]?.data as { updateRecord: { answers: unknown } }).updateRecord.answers);
  });

  it('without ifVersion the last save wins, as before', async () => {
    await h.gql(UPDATE, { ip: '192.0.2.101' });
    const { data, errors } = await h.gql(UPDATE, { ip: '192.0.2.102' });
    expect(errors).toBeUndefined();
    expect(data).toMatchObject({ updateRecord: { answers: [{ rdata: ['192.0.2.102'] }] } });
  });

  it('deleteRecord and updateZone refuse a stale version before writing', async () => {
    const read = await h.gql<{ record: { version: string }; zone: { ns1: { version: string } } }>(
      '{ record(zone: "example.com", domain: "example.com", type: A) { version } zone(name: "example.com") { ns1 { version } } }',
    );
    await h.gql(UPDATE, { ip: '192.0.2.150' });
    const { result, ns1 } = await countUpstreamCalls(h, () =>
      h.gql('mutation ($v: String!) { deleteRecord(zone: "example.com", domain: "example.com", type: A, ifVersion: $v) }', { v: read.data!.record.version }),
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(ns1.counts['DELETE /zones/example.com/example.com/A'] ?? 0).toBe(0);
    const zone = await h.gql('mutation ($v: String!) { updateZone(name: "example.com", ifVersion: $v, input: { ns1: { refresh: 7200 } }) { name } }', {
      v: read.data!.zone.ns1.version,
    });
    expect(zone.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const fresh = await h.gql<{ zone: { ns1: { version: string } } }>('{ zone(name: "example.com") { ns1 { version } } }');
    expect(zone.errors?.[0]?.extensions?.currentVersion).toBe(fresh.data?.zone.ns1.version);
    const ok = await h.gql('mutation ($v: String!) { updateZone(name: "example.com", ifVersion: $v, input: { ns1: { refresh: 7200 } }) { ns1 { refresh } } }', {
      v: fresh.data!.zone.ns1.version,
    });
    expect(ok.data).toEqual({ updateZone: { ns1: { refresh: 7200 } } });
  });
});
