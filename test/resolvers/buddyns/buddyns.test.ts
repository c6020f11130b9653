import { describe, expect, it } from 'vitest';
import { countUpstreamCalls, useHarness } from '../../support/harness.js';

const h = useHarness();

describe('viewer.buddyns', () => {
  it('shows the account owner, the profile and the service', async () => {
    const { data, errors } = await h.gql(
      '{ viewer { configuredProviders buddyns { user { provider email } profile { usedTraffic estimatedTraffic mobileNumber cpanelIntegration } service { accountType numZones zonesInUse trafficQuota numStats } } } }',
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      viewer: {
        configuredProviders: ['NS1', 'BUDDYNS'],
        buddyns: {
          user: { provider: 'BUDDYNS', email: 'demo@dnsgraph.dev' },
          profile: { usedTraffic: 1843200, estimatedTraffic: 2500000, mobileNumber: '+1 555 010 0000', cpanelIntegration: false },
          service: { accountType: 'paid', numZones: 50, zonesInUse: 5, trafficQuota: 3000, numStats: 30 },
        },
      },
    });
  });
});

describe('BuddyNS mutations', () => {
  it('SyncNOW for one zone and for all reaches BuddyNS', async () => {
    const { result, buddyns } = await countUpstreamCalls(h, () => h.gql('mutation { one: syncZone(name: "example.com") all: syncAllZones }'));
    expect(result.data).toEqual({ one: true, all: true });
    expect(buddyns.counts).toMatchObject({ 'GET /sync/example.com': 1, 'GET /sync/': 1 });
  });

  it('changes a master by delete and re-add', async () => {
    const { data, errors } = await h.gql('mutation { setBuddyNsMaster(name: "buddy-only.io", master: "203.0.113.77") { name master serial } }');
    expect(errors).toBeUndefined();
    expect(data).toEqual({ setBuddyNsMaster: { name: 'buddy-only.io', master: '203.0.113.77', serial: null } });
    const zone = await h.gql('{ zone(name: "buddy-only.io") { buddyns { master } } }');
    expect(zone.data).toEqual({ zone: { buddyns: { master: '203.0.113.77' } } });
  });

  it('leaves a zone whose master is already the one asked for alone: no delete, no re-add, no new transfer', async () => {
    const before = await h.gql('{ zone(name: "example.com") { buddyns { master serial createdAt } } }');
    const { result, buddyns } = await countUpstreamCalls(h, () =>
      h.gql('mutation { setBuddyNsMaster(name: "example.com", master: "198.51.100.53") { master serial createdAt } }'),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ setBuddyNsMaster: (before.data as { zone: { buddyns: unknown } }).zone.buddyns });
    expect(Object.keys(buddyns.counts).filter((route) => !route.startsWith('GET '))).toEqual([]);
  });

  it('takes an IPv6 master in its canonical text, so the same address written another way changes nothing', async () => {
    const set = (master: string) =>
      h.gql<{ setBuddyNsMaster: { master: string } }>(`mutation { setBuddyNsMaster(name: "buddy-only.io", master: "${master}") { master } }`);
    expect((await set('2001:0DB8:0000:0000::0053')).data).toEqual({ setBuddyNsMaster: { master: '2001:db8::53' } });
    const { result, buddyns } = await countUpstreamCalls(h, () => set('2001:db8:0:0:0:0:0:53'));
    expect(result.data).toEqual({ setBuddyNsMaster: { master: '2001:db8::53' } });
    expect(Object.keys(buddyns.counts).filter((route) => !route.startsWith('GET '))).toEqual([]);
  });

  it('restores the previous master when the re-add fails, and says so', async () => {
    // Both attempts at the re-add fail; the restore after them succeeds.
    await h.buddyControl.addFault({ path: '/zone', method: 'POST', status: 500, message: 'Server Error', times: 2 });
    const { data, errors } = await h.gql('mutation { setBuddyNsMaster(name: "example.com", master: "203.0.113.99") { master } }');
    expect(data).toBeNull();
    expect(errors?.[0]?.message).toBe(
      'BuddyNS did not add zone example.com with master 203.0.113.99 (Server Error); BuddyNS restored zone example.com with its previous master 198.51.100.53: nothing was changed',
    );
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', provider: 'BUDDYNS' });
    const zone = await h.gql('{ zone(name: "example.com") { providers buddyns { master } } }');
    expect(zone.data).toEqual({ zone: { providers: ['NS1', 'BUDDYNS'], buddyns: { master: '198.51.100.53' } } });
  });

  it('changes the profile', async () => {
    const { data } = await h.gql(
      'mutation { updateBuddyNsProfile(input: { mobileNumber: "+44 20 7946 0000", cpanelIntegration: true }) { mobileNumber cpanelIntegration } }',
    );
    expect(data).toEqual({ updateBuddyNsProfile: { mobileNumber: '+44 20 7946 0000', cpanelIntegration: true } });
  });

  it('changes one profile setting and keeps the other, sending BuddyNS both as a form PUT replaces them', async () => {
    await h.gql('mutation { updateBuddyNsProfile(input: { cpanelIntegration: true }) { cpanelIntegration } }');
    const { result, buddyns } = await countUpstreamCalls(h, () =>
      h.gql('mutation { updateBuddyNsProfile(input: { mobileNumber: "+44 20 7946 0000" }) { mobileNumber cpanelIntegration } }'),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ updateBuddyNsProfile: { mobileNumber: '+44 20 7946 0000', cpanelIntegration: true } });
    expect(buddyns.counts).toEqual({ 'GET /user/profile/': 2, 'PUT /user/profile/': 1 });
  });
});

describe('bad input is refused before any upstream call', () => {
  const cases: Array<[string, string, string]> = [
    ['an invalid domain name', 'mutation { syncZone(name: "bad name") }', 'is not a valid domain name'],
    ['an invalid master address', 'mutation { setBuddyNsMaster(name: "example.com", master: "300.1.2.3") { master } }', 'IP'],
    ['an invalid mobile number', 'mutation { updateBuddyNsProfile(input: { mobileNumber: "555-1234" }) { mobileNumber } }', 'ITU-T E.123'],
    ['a profile change with nothing in it', 'mutation { updateBuddyNsProfile(input: {}) { mobileNumber } }', 'give at least one setting'],
  ];
  for (const [what, query, message] of cases) {
    it(`${what}`, async () => {
      const { result, buddyns, ns1 } = await countUpstreamCalls(h, () => h.gql(query));
      expect(result.errors?.[0]?.message).toContain(message);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(buddyns.total + ns1.total).toBe(0);
    });
  }

  it('an unknown zone is NOT_FOUND and nothing is written', async () => {
    const { result, buddyns } = await countUpstreamCalls(h, () => h.gql('mutation { syncZone(name: "unknown.example") }'));
    expect(result.errors?.[0]).toMatchObject({
      message: 'zone unknown.example does not exist on BuddyNS',
      extensions: { code: 'NOT_FOUND', provider: 'BUDDYNS' },
    });
    expect(Object.keys(buddyns.counts)).toEqual(['GET /zone/']);
  });
});

describe('without BuddyNS credentials', () => {
  const bare = useHarness({ without: ['buddyns'] });

  it('viewer.buddyns is null and BuddyNS mutations name the missing setting', async () => {
    expect((await bare.gql('{ viewer { configuredProviders buddyns { user { email } } } }')).data).toEqual({
      viewer: { configuredProviders: ['NS1'], buddyns: null },
    });
    const { errors } = await bare.gql('mutation { syncZone(name: "example.com") }');
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'PROVIDER_NOT_CONFIGURED', provider: 'BUDDYNS' });
    expect(errors?.[0]?.message).toContain('BUDDYNS_TOKEN');
  });

  it('zones come from NS1 alone, with no error', async () => {
    const { data, errors } = await bare.gql<{ zones: Array<{ name: string; buddyns: unknown }> }>('{ zones { name buddyns { serial } } }');
    expect(errors).toBeUndefined();
    expect(data?.zones.every((z) => z.buddyns === null)).toBe(true);
  });
});
