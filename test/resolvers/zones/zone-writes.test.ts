import { describe, expect, it } from 'vitest';
import { countUpstreamCalls, useHarness } from '../../support/harness.js';

const h = useHarness();

const CREATE = `mutation ($input: CreateZoneInput!) { createZone(input: $input) { name providers ns1 { primary { enabled } } buddyns { master } } }`;

describe('createZone', () => {
  it('creates on both providers: NS1 primary, BuddyNS secondary transferring from NS1', async () => {
    const { data, errors } = await h.gql(CREATE, { input: { name: 'new-both.example', providers: ['NS1', 'BUDDYNS'] } });
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      createZone: { name: 'new-both.example', providers: ['NS1', 'BUDDYNS'], ns1: { primary: { enabled: true } }, buddyns: { master: '198.51.100.53' } },
    });
  });

  it('refuses NS1 settings on both providers that would keep BuddyNS from transferring the zone', async () => {
    const { result, ns1, buddyns } = await countUpstreamCalls(h, () =>
      h.gql(CREATE, { input: { name: 'closed.example', providers: ['NS1', 'BUDDYNS'], ns1: { primary: { enabled: false, secondaries: [] } } } }),
    );
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.ns1.primary.enabled' });
    expect(ns1.total + buddyns.total).toBe(0);
  });

  it('creates on BuddyNS alone with the given master, and on NS1 alone with its settings', async () => {
    const buddy = await h.gql(CREATE, { input: { name: 'b.example', providers: ['BUDDYNS'], buddyns: { master: '203.0.113.8' } } });
    expect(buddy.data).toMatchObject({ createZone: { providers: ['BUDDYNS'], buddyns: { master: '203.0.113.8' } } });
    const ns1 = await h.gql('mutation { createZone(input: { name: "n.example", providers: [NS1], ns1: { nxTtl: 60 } }) { providers ns1 { nxTtl } } }');
    expect(ns1.data).toEqual({ createZone: { providers: ['NS1'], ns1: { nxTtl: 60 } } });
  });

  it('removes the NS1 zone again when BuddyNS refuses, and says what happened', async () => {
    await h.buddyControl.addFault({ path: '/zone', method: 'POST', status: 500, message: 'Server Error' });
    const { data, errors } = await h.gql(CREATE, { input: { name: 'half.example', providers: ['NS1', 'BUDDYNS'] } });
    expect(data).toBeNull();
    expect(errors?.[0]?.message).toBe('BuddyNS did not add zone half.example (Server Error); NS1 deleted zone half.example again: nothing was changed');
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', provider: 'BUDDYNS' });
    await h.buddyControl.clearFaults();
    expect((await h.gql('{ zone(name: "half.example") { name } }')).data).toEqual({ zone: null });
  });

  it('refuses a zone a provider already has with CONFLICT, before any write', async () => {
    const { result, ns1, buddyns } = await countUpstreamCalls(h, () =>
      Promise.all([
        h.gql(CREATE, { input: { name: 'buddy-only.io', providers: ['BUDDYNS'] } }),
        h.gql(CREATE, { input: { name: 'ns1-only.com', providers: ['NS1'] } }),
        // On BuddyNS with another master: NS1 is not created first only to be deleted again.
        h.gql(CREATE, { input: { name: 'broken-transfer.net', providers: ['NS1', 'BUDDYNS'] } }),
      ]),
    );
    expect(result.map((r) => r.errors?.[0]?.extensions)).toEqual([
      { code: 'CONFLICT', provider: 'BUDDYNS' },
      { code: 'CONFLICT', provider: 'NS1' },
      { code: 'CONFLICT', provider: 'BUDDYNS' },
    ]);
    expect(result[0]?.errors?.[0]?.message).toBe('zone buddy-only.io already exists on BuddyNS (master 203.0.113.10); nothing was changed');
    const writes = (counts: Record<string, number>) => Object.keys(counts).filter((route) => !route.startsWith('GET '));
    expect([...writes(ns1.counts), ...writes(buddyns.counts)]).toEqual([]);
  });

  it('keeps the provider’s status and field errors when BuddyNS refuses after NS1 created the zone', async () => {
    const body = { detail: 'Invalid zone submitted for addition.', errors: { master: ['Enter a valid IPv4 or IPv6 address.'] } };
    await h.buddyControl.addFault({ path: '/zone', method: 'POST', status: 400, body });
    const { errors } = await h.gql(CREATE, { input: { name: 'refused.example', providers: ['NS1', 'BUDDYNS'] } });
    expect(errors?.[0]?.message).toMatch(/: nothing was changed$/);
    expect(errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      provider: 'BUDDYNS',
      status: 400,
      fieldErrors: { master: ['Enter a valid IPv4 or IPv6 address.'] },
    });
    await h.buddyControl.clearFaults();
    expect((await h.gql('{ zone(name: "refused.example") { name } }')).data).toEqual({ zone: null });
  });

  it('refuses NS1 settings that cannot go together, before any upstream call', async () => {
    const secondary = { enabled: true, primaryIp: '203.0.113.9' };
    const inputs = [
      // BuddyNS transfers from NS1's transfer address, so NS1 must be a standard primary.
      { name: 's.example', providers: ['NS1', 'BUDDYNS'], ns1: { secondary } },
      { name: 'l.example', providers: ['NS1', 'BUDDYNS'], ns1: { link: 'example.com' } },
      // A linked zone takes nothing of its own, and never itself.
      { name: 'l.example', providers: ['NS1'], ns1: { link: 'example.com', ttl: 300 } },
      { name: 'l.example', providers: ['NS1'], ns1: { link: 'l.example' } },
      { name: 'p.example', providers: ['NS1'], ns1: { secondary, primary: { enabled: true, secondaries: [] } } },
    ];
    const { result, ns1, buddyns } = await countUpstreamCalls(h, () => Promise.all(inputs.map((input) => h.gql(CREATE, { input }))));
    expect(result.map((r) => r.errors?.[0]?.extensions)).toEqual(
      ['input.ns1.secondary', 'input.ns1.link', 'input.ns1.ttl', 'input.ns1.link', 'input.ns1.secondary'].map((field) => ({ code: 'BAD_USER_INPUT', field })),
    );
    expect(ns1.total + buddyns.total).toBe(0);
  });

  it('refuses a secondary that is not an IPv4 address, as NS1 takes only those, before any upstream call', async () => {
    const input = { name: 'v6.example', providers: ['NS1'], ns1: { primary: { enabled: true, secondaries: [{ ip: '2001:db8::53' }] } } };
    const { result, ns1 } = await countUpstreamCalls(h, () => h.gql(CREATE, { input }));
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('ip');
    expect(ns1.total).toBe(0);
  });

  it('lets NS1 be a secondary when BuddyNS is given its own master: both transfer from one hidden primary', async () => {
    const input = {
      name: 'hidden.example',
      providers: ['NS1', 'BUDDYNS'],
      ns1: { secondary: { enabled: true, primaryIp: '203.0.113.9' } },
      buddyns: { master: '203.0.113.9' },
    };
    const { data, errors } = await h.gql(CREATE, { input });
    expect(errors).toBeUndefined();
    expect(data).toMatchObject({ createZone: { providers: ['NS1', 'BUDDYNS'], buddyns: { master: '203.0.113.9' } } });
  });

  it('refuses an empty provider list or a wildcard name before any upstream call', async () => {
    const { result, ns1, buddyns } = await countUpstreamCalls(h, () =>
      Promise.all([h.gql(CREATE, { input: { name: 'x.example', providers: [] } }), h.gql(CREATE, { input: { name: '*.wild.example', providers: ['NS1'] } })]),
    );
    expect(result.map((r) => r.errors?.[0]?.extensions)).toEqual([
      { code: 'BAD_USER_INPUT', field: 'input.providers' },
      { code: 'BAD_USER_INPUT', field: 'input.name' },
    ]);
    expect(ns1.total + buddyns.total).toBe(0);
  });
});

describe('deleteZone and updateZone', () => {
  it('deletes a zone from one provider only', async () => {
    const { data } = await h.gql('mutation { deleteZone(name: "example.com", providers: [BUDDYNS]) }');
    expect(data).toEqual({ deleteZone: true });
    expect((await h.gql('{ zone(name: "example.com") { providers } }')).data).toEqual({ zone: { providers: ['NS1'] } });
  });

  it('deletes from every provider that has it by default', async () => {
    await h.gql('mutation { deleteZone(name: "bücher.de") }');
    expect((await h.gql('{ zone(name: "xn--bcher-kva.de") { name } }')).data).toEqual({ zone: null });
  });

  it('refuses an empty provider list before any upstream call, rather than deleting the zone everywhere', async () => {
    const { result, ns1, buddyns } = await countUpstreamCalls(h, () => h.gql('mutation { deleteZone(name: "example.com", providers: []) }'));
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'providers' } });
    expect(ns1.total + buddyns.total).toBe(0);
    expect((await h.gql('{ zone(name: "example.com") { providers } }')).data).toEqual({ zone: { providers: ['NS1', 'BUDDYNS'] } });
  });

  it('answers NOT_FOUND for a zone that does not exist, or not on the provider named', async () => {
    const none = await h.gql('mutation { deleteZone(name: "nowhere.example") }');
    expect(none.errors?.[0]).toMatchObject({ message: 'zone nowhere.example does not exist', extensions: { code: 'NOT_FOUND' } });
    const wrong = await h.gql('mutation { deleteZone(name: "ns1-only.com", providers: [BUDDYNS]) }');
    expect(wrong.errors?.[0]?.message).toBe('zone ns1-only.com does not exist on BuddyNS');
  });

  it('refuses a change of no setting before any upstream call: NS1 would still bump the serial', async () => {
    const { result, ns1, buddyns } = await countUpstreamCalls(h, () =>
      Promise.all([
        h.gql('mutation { updateZone(name: "example.com", input: {}) { name } }'),
        h.gql('mutation { updateZone(name: "example.com", input: { ns1: null }) { name } }'),
        h.gql('mutation { updateZone(name: "example.com", input: { ns1: {} }) { name } }'),
      ]),
    );
    for (const answer of result) expect(answer.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.ns1' });
    expect(ns1.total + buddyns.total).toBe(0);
  });

  it('refuses a new link, and any change to a linked zone, before writing', async () => {
    await h.gql('mutation { createZone(input: { name: "linked.example", providers: [NS1], ns1: { link: "example.com" } }) { name } }');
    const { result, ns1 } = await countUpstreamCalls(h, () =>
      Promise.all([
        h.gql('mutation { updateZone(name: "example.com", input: { ns1: { link: "ns1-only.com" } }) { name } }'),
        h.gql('mutation { updateZone(name: "linked.example", input: { ns1: { refresh: 7200 } }) { name } }'),
      ]),
    );
    expect(result.map((r) => r.errors?.[0]?.extensions)).toEqual([
      { code: 'BAD_USER_INPUT', field: 'input.ns1.link' },
      { code: 'BAD_USER_INPUT', field: 'name' },
    ]);
    expect(result[1]?.errors?.[0]?.message).toContain('linked to example.com');
    expect(Object.keys(ns1.counts).filter((route) => !route.startsWith('GET '))).toEqual([]);
  });

  it('updates NS1 settings and the SOA serial moves', async () => {
    const before = await h.gql<{ zone: { ns1: { serial: number } } }>('{ zone(name: "example.com") { ns1 { serial } } }');
    const { data } = await h.gql<{ updateZone: { ns1: { refresh: number; serial: number } } }>(
      'mutation { updateZone(name: "example.com", input: { ns1: { refresh: 7200 } }) { ns1 { refresh serial } } }',
    );
    expect(data?.updateZone.ns1.refresh).toBe(7200);
    expect(data?.updateZone.ns1.serial).toBeGreaterThan(before.data?.zone.ns1.serial ?? Infinity);
  });

  it('answers FORBIDDEN with NS1’s message for a read-only key', async () => {
    const { errors } = await h.gql('mutation { updateZone(name: "example.com", input: { ns1: { refresh: 7200 } }) { name } }', undefined, {
      'x-ns1-key': 'sandbox-ns1-readonly-key',
    });
    expect(errors?.[0]).toMatchObject({
      message: 'NS1: Forbidden: missing permission dns.manage_zones',
      extensions: { code: 'FORBIDDEN', provider: 'NS1', status: 403 },
    });
  });
});
