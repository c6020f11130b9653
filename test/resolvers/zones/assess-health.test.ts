import { describe, expect, it } from 'vitest';
import type { BuddyNsDelegation, BuddyNsZone, BuddyNsZoneStatus } from '../../../src/providers/buddyns/zones.js';
import { assessHealth, type HealthInput } from '../../../src/resolvers/zones/assess-health.js';

const NS1_TRANSFER = '198.51.100.53';
const OTHER_MASTER = '203.0.113.9';
const names = { name: 'example.com', asciiName: 'example.com' };

const secondary = (change: Partial<BuddyNsZone> = {}): BuddyNsZone => ({ ...names, serial: 5, master: NS1_TRANSFER, createdAt: null, ...change });
const status = (change: Partial<BuddyNsZoneStatus> = {}): BuddyNsZoneStatus => ({
  ...names,
  transferOk: true,
  firstFailureAt: null,
  lastFailureAt: null,
  lastSuccessAt: null,
  ...change,
});
const delegation = (change: Partial<BuddyNsDelegation> = {}): BuddyNsDelegation => ({
  ...names,
  master: NS1_TRANSFER,
  masterOk: true,
  registryOk: true,
  authorityOk: true,
  ...change,
});

/** An NS1 primary with its BuddyNS secondary, in sync, transferring and delegated: no problem at all. */
const healthy = (change: Partial<HealthInput> = {}): HealthInput => ({
  ns1Serial: 5,
  onNs1: true,
  buddyns: secondary(),
  status: status(),
  delegation: delegation(),
  ns1TransferAddress: NS1_TRANSFER,
  ns1Primary: true,
  configured: { ns1: true, buddyns: true },
  gaps: [],
  ...change,
});

const cases: Array<{ what: string; input: HealthInput; problems: string[] }> = [
  { what: 'a healthy pair has no problem', input: healthy(), problems: [] },
  {
    what: 'BuddyNS without a serial has not transferred yet',
    input: healthy({ buddyns: secondary({ serial: null }) }),
    problems: ['BuddyNS has not transferred the zone yet (NS1 serial 5)'],
  },
  {
    what: 'a lower BuddyNS serial is behind',
    input: healthy({ buddyns: secondary({ serial: 4 }) }),
    problems: ['BuddyNS serial 4 is behind NS1 5'],
  },
  {
    what: 'a higher BuddyNS serial is ahead, from another master',
    input: healthy({ buddyns: secondary({ serial: 6 }) }),
    problems: ['BuddyNS serial 6 is ahead of NS1 5: BuddyNS transfers from another master'],
  },
  {
    what: 'failing transfers name the master, since when, and the last success',
    input: healthy({
      status: status({ transferOk: false, firstFailureAt: new Date('2024-06-01T10:00:00Z'), lastSuccessAt: new Date('2024-05-31T09:30:00Z') }),
    }),
    problems: [`BuddyNS cannot transfer from master ${NS1_TRANSFER} since 2024-06-01T10:00:00Z (last success 2024-05-31T09:30:00Z)`],
  },
  {
    what: 'failing transfers that never succeeded say so',
    input: healthy({ status: status({ transferOk: false, firstFailureAt: new Date('2024-06-01T10:00:00Z') }) }),
    problems: [`BuddyNS cannot transfer from master ${NS1_TRANSFER} since 2024-06-01T10:00:00Z (never succeeded)`],
  },
  {
    what: 'failing transfers without a master say the zone has none',
    input: healthy({ buddyns: secondary({ master: '' }), status: status({ transferOk: false, lastFailureAt: new Date('2024-06-01T10:00:00Z') }) }),
    problems: ['BuddyNS cannot transfer the zone, which has no master of its own (never succeeded)'],
  },
  {
    what: 'a zone BuddyNS has not tried to transfer yet is pending, not failing, with or without a master',
    input: healthy({ onNs1: false, ns1Serial: undefined, buddyns: secondary({ master: '', serial: null }), status: status({ transferOk: false }) }),
    problems: ['BuddyNS has not transferred the zone yet'],
  },
  {
    what: 'a pending transfer the serials already report is said once',
    input: healthy({ buddyns: secondary({ serial: null }), status: status({ transferOk: false }) }),
    problems: ['BuddyNS has not transferred the zone yet (NS1 serial 5)'],
  },
  {
    what: 'a registry without the BuddyNS name servers',
    input: healthy({ delegation: delegation({ registryOk: false }) }),
    problems: ['Delegation: the registry does not list the BuddyNS name servers for this zone'],
  },
  {
    what: "the zone's own NS records without the BuddyNS name servers",
    input: healthy({ delegation: delegation({ authorityOk: false }) }),
    problems: ["Delegation: the zone's own NS records do not include the BuddyNS name servers"],
  },
  {
    what: 'a master BuddyNS cannot reach, as the delegation check names it',
    input: healthy({
      delegation: delegation({ masterOk: false, master: OTHER_MASTER }),
      buddyns: secondary({ master: OTHER_MASTER }),
      ns1TransferAddress: undefined,
    }),
    problems: [`Delegation: BuddyNS cannot reach master ${OTHER_MASTER}`],
  },
  {
    what: 'a master BuddyNS cannot reach, from the secondary when the delegation check names none',
    input: healthy({ delegation: delegation({ masterOk: false, master: '' }) }),
    problems: [`Delegation: BuddyNS cannot reach master ${NS1_TRANSFER}`],
  },
  {
    what: 'a master BuddyNS cannot reach when nobody names one',
    input: healthy({ delegation: delegation({ masterOk: false, master: '' }), buddyns: secondary({ master: '' }) }),
    problems: ['Delegation: BuddyNS cannot reach master (none)'],
  },
  {
    what: "a BuddyNS master that is not NS1's transfer address",
    input: healthy({ buddyns: secondary({ master: OTHER_MASTER }) }),
    problems: [`BuddyNS master ${OTHER_MASTER} is not NS1's transfer address ${NS1_TRANSFER}`],
  },
  {
    what: 'an NS1 primary left without its BuddyNS secondary',
    input: healthy({ buddyns: null, status: null, delegation: null }),
    problems: [
      'NS1 is primary for this zone, but BuddyNS has no secondary for it: add it on BuddyNS (createZone with providers [BUDDYNS]) or stop NS1 transfers',
    ],
  },
  {
    what: 'a BuddyNS secondary transferring from NS1, which does not have the zone',
    input: healthy({ onNs1: false, ns1Serial: null }),
    problems: [`BuddyNS transfers this zone from NS1 (${NS1_TRANSFER}), but NS1 does not have it: create it on NS1 or delete it from BuddyNS`],
  },
  {
    what: 'a half pair is no problem while one provider is not configured at all',
    input: healthy({ buddyns: null, status: null, delegation: null, configured: { ns1: true, buddyns: false } }),
    problems: [],
  },
  {
    what: 'a provider that did not answer, named once however often it failed',
    input: healthy({
      gaps: [
        { provider: 'ns1', error: new Error('connect ECONNREFUSED') },
        { provider: 'ns1', error: new Error('connect ECONNREFUSED') },
        { provider: 'buddyns', error: 'timed out' },
      ],
    }),
    problems: ['NS1 did not answer (connect ECONNREFUSED): this health is incomplete', 'BuddyNS did not answer (timed out): this health is incomplete'],
  },
];

describe('assessHealth', () => {
  it.each(cases)('$what', ({ input, problems }) => {
    expect(assessHealth(input).problems).toEqual(problems);
  });

  it('says what is known as flags, and unknown as null', () => {
    expect(assessHealth(healthy())).toEqual({
      serialNs1: 5,
      serialBuddyNs: 5,
      serialsInSync: true,
      transferOk: true,
      delegationOk: true,
      problems: [],
      complete: true,
    });
    expect(
      assessHealth(healthy({ buddyns: secondary({ serial: 4 }), status: status({ transferOk: false }), delegation: delegation({ authorityOk: false }) })),
    ).toMatchObject({
      serialsInSync: false,
      transferOk: false,
      delegationOk: false,
    });
    expect(
      assessHealth(healthy({ onNs1: false, ns1Serial: undefined, buddyns: null, status: null, delegation: null, gaps: [{ provider: 'ns1', error: 'down' }] })),
    ).toEqual({
      serialNs1: null,
      serialBuddyNs: null,
      serialsInSync: null,
      transferOk: null,
      delegationOk: null,
      problems: ['NS1 did not answer (down): this health is incomplete'],
      complete: false,
    });
  });
});
