import { describe, expect, it } from 'vitest';
import { countUpstreamCalls, useHarness } from '../../support/harness.js';

const h = useHarness();

type ZoneRow = { name: string; asciiName: string; providers: string[]; health: { serialsInSync: boolean | null; problems: string[] } };

describe('zones merged across NS1 and BuddyNS', () => {
  it('lists each name once, sorted, with the providers that serve it', async () => {
    const { data, errors } = await h.gql<{ zones: ZoneRow[] }>('{ zones { name asciiName providers } }');
    expect(errors).toBeUndefined();
    expect(data?.zones.map((z) => [z.name, z.providers])).toEqual([
      ['broken-transfer.net', ['BUDDYNS']],
      ['buddy-only.io', ['BUDDYNS']],
      ['example.com', ['NS1', 'BUDDYNS']],
      ['example.net', ['NS1']],
      ['lame-delegation.org', ['NS1', 'BUDDYNS']],
      ['ns1-only.com', ['NS1']],
      ['secondary.example', ['NS1']],
      ['bücher.de', ['NS1', 'BUDDYNS']],
    ]);
  });

  it('filters by provider, each zone still merged: its providers and health are the whole zone’s', async () => {
    const { data } = await h.gql<{ zones: ZoneRow[] }>('{ zones(provider: BUDDYNS) { name } }');
    expect(data?.zones.map((z) => z.name)).toEqual(['broken-transfer.net', 'buddy-only.io', 'example.com', 'lame-delegation.org', 'bücher.de']);
    const query = (provider: string) => `{ zones(provider: ${provider}) { name providers ns1 { id } buddyns { master } health { problems } } }`;
    const all = await h.gql<{ zones: Array<ZoneRow & Record<string, unknown>> }>(
      '{ zones { name providers ns1 { id } buddyns { master } health { problems } } }',
    );
    for (const provider of ['NS1', 'BUDDYNS']) {
      const filtered = await h.gql<{ zones: Array<ZoneRow & Record<string, unknown>> }>(query(provider));
      expect(filtered.errors).toBeUndefined();
      expect(filtered.data?.zones).toEqual(all.data?.zones.filter((zone) => zone.providers.includes(provider)));
    }
    // Names alone come from the one provider's list.
    const {
      result: names,
      ns1,
      buddyns,
    } = await countUpstreamCalls(h, () =>
      h.gql<{ zones: ZoneRow[] }>('query { zones(provider: BUDDYNS) { name ...Names } } fragment Names on Zone { asciiName __typename }'),
    );
    expect(names.data?.zones.map((z) => z.name)).toEqual(data?.zones.map((z) => z.name));
    expect([ns1.total, buddyns.total]).toEqual([0, 1]);
    const both = all.data?.zones.find((zone) => zone.name === 'example.com');
    expect(both).toMatchObject({ providers: ['NS1', 'BUDDYNS'], health: { problems: [] } });
  });

  it('answers an IDN zone by its Unicode and by its punycode name with the same Zone', async () => {
    const query = 'query ($n: DomainName!) { zone(name: $n) { name asciiName providers ns1 { id serial } buddyns { serial } } }';
    const unicode = await h.gql<{ zone: unknown }>(query, { n: 'bücher.de' });
    const ascii = await h.gql<{ zone: unknown }>(query, { n: 'xn--bcher-kva.de' });
    expect(unicode.errors).toBeUndefined();
    expect(unicode.data?.zone).toEqual(ascii.data?.zone);
    expect(unicode.data?.zone).toMatchObject({ name: 'bücher.de', asciiName: 'xn--bcher-kva.de', providers: ['NS1', 'BUDDYNS'] });
  });

  it('answers null for a zone no provider has, without an error', async () => {
    const { data, errors } = await h.gql('{ zone(name: "nowhere.example") { name } }');
    expect(errors).toBeUndefined();
    expect(data).toEqual({ zone: null });
  });

  it('refuses an invalid zone name before any upstream call', async () => {
    const { result, ns1, buddyns } = await countUpstreamCalls(h, () => h.gql('{ zone(name: "not a domain!") { name } }'));
    expect(result.errors?.[0]?.message).toContain('"not a domain!" is not a valid domain name');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(ns1.total + buddyns.total).toBe(0);
  });
});

describe('zone health', () => {
  const healthOf = async (name: string) =>
    (
      await h.gql<{ zone: { health: Record<string, unknown> } }>(
        'query ($n: DomainName!) { zone(name: $n) { health { serialNs1 serialBuddyNs serialsInSync transferOk delegationOk problems } } }',
        { n: name },
      )
    ).data?.zone.health;

  it('is clean for example.com, served in sync by both providers', async () => {
    expect(await healthOf('example.com')).toEqual({
      serialNs1: 2024010105,
      serialBuddyNs: 2024010105,
      serialsInSync: true,
      transferOk: true,
      delegationOk: true,
      problems: [],
    });
  });

  it('says BuddyNS is behind NS1 for bücher.de, and SyncNOW fixes it', async () => {
    expect(await healthOf('bücher.de')).toMatchObject({ serialsInSync: false, problems: ['BuddyNS serial 2024010101 is behind NS1 2024010105'] });
    expect((await h.gql('mutation { syncZone(name: "bücher.de") }')).data).toEqual({ syncZone: true });
    expect(await healthOf('bücher.de')).toMatchObject({ serialsInSync: true, problems: [] });
  });

  it('explains failing transfers for broken-transfer.net', async () => {
    const health = await healthOf('broken-transfer.net');
    expect(health).toMatchObject({ serialNs1: null, serialsInSync: null, transferOk: false, delegationOk: false });
    expect(health?.problems).toContain('BuddyNS cannot transfer from master 192.0.2.1 since 2024-03-01T08:00:00Z (last success 2024-02-28T23:00:00Z)');
  });

  it('explains the broken delegation of lame-delegation.org', async () => {
    expect(await healthOf('lame-delegation.org')).toMatchObject({
      serialsInSync: true,
      delegationOk: false,
      problems: [
        'Delegation: the registry does not list the BuddyNS name servers for this zone',
        "Delegation: the zone's own NS records do not include the BuddyNS name servers",
      ],
    });
  });
});

describe('partial results', () => {
  it('keeps the BuddyNS zones when NS1 fails, with the error at zones and the provider named', async () => {
    await h.ns1Control.addFault({ path: '/', status: 500, message: 'NS1 is having a bad day' });
    const { data, errors } = await h.gql<{ zones: ZoneRow[] }>('{ zones { name providers } }');
    expect(data?.zones.map((z) => z.name)).toEqual(['broken-transfer.net', 'buddy-only.io', 'example.com', 'lame-delegation.org', 'bücher.de']);
    expect(errors).toEqual([
      expect.objectContaining({
        message: 'NS1: NS1 is having a bad day',
        path: ['zones'],
        extensions: expect.objectContaining({ code: 'UPSTREAM_ERROR', provider: 'NS1', status: 500 }),
      }),
    ]);
  });

  it('keeps the NS1 zones when BuddyNS fails', async () => {
    await h.buddyControl.addFault({ path: '/', status: 503, message: 'maintenance' });
    const { data, errors } = await h.gql<{ zones: ZoneRow[] }>('{ zones { name } }');
    expect(data?.zones.map((z) => z.name)).toContain('ns1-only.com');
    expect(errors?.[0]).toMatchObject({ path: ['zones'], extensions: { code: 'UPSTREAM_ERROR', provider: 'BUDDYNS' } });
  });
});
