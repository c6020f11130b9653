import type { DnsRecord, RecordType } from './model.js';
import { allPermissions, dnsOnlyPermissions, readOnlyPermissions } from './permissions.js';
import type { Ns1Context } from './state.js';
import { createZoneState } from './zones.js';

export const NS1_TRANSFER_ADDRESS = '198.51.100.53';
/** BuddyNS's transfer sources, allowed and notified by the zones BuddyNS serves as secondary. */
const BUDDYNS_SECONDARIES = ['203.0.113.53', '203.0.113.54'];

export interface Ns1Keys {
  admin: string;
  readOnly: string;
  exampleOnly: string;
}

type AnswerSeed = { answer: Array<string | number>; region?: string; meta?: Record<string, unknown> };
type RecordSeed = Partial<Pick<DnsRecord, 'ttl' | 'filters' | 'regions' | 'meta' | 'link' | 'use_client_subnet'>> & {
  domain: string;
  type: RecordType;
  answers?: AnswerSeed[];
};

export interface ZoneSeed {
  zone: string;
  serial?: number;
  body?: Record<string, unknown>;
  records?: RecordSeed[];
}

const toBuddyNs = { primary: { enabled: true, secondaries: BUDDYNS_SECONDARIES.map((ip) => ({ ip, port: 53, notify: true })) } };

/** Feed ids the demo answers point at; the data slice seeds the feeds with these ids. */
export const DEMO_FEEDS = { source: 'a53252f9e583c6708331a1da', east: '520533b89f782d5b1a10a851', west: '520533dc9f782d5b1a10a854' };

export function demoZones(): ZoneSeed[] {
  return [
    {
      zone: 'example.com',
      serial: 2024010105,
      body: { ...toBuddyNs, hostmaster: 'hostmaster@example.com' },
      records: [
        { domain: 'example.com', type: 'A', answers: [{ answer: ['192.0.2.10'] }] },
        { domain: 'www.example.com', type: 'CNAME', answers: [{ answer: ['example.com'] }] },
        { domain: 'example.com', type: 'MX', answers: [{ answer: [5, 'mail1.example.com'] }, { answer: [10, 'mail2.example.com'] }] },
        { domain: 'example.com', type: 'TXT', answers: [{ answer: ['v=spf1 include:_spf.example.com ~all'] }] },
      ],
    },
    {
      zone: 'xn--bcher-kva.de',
      serial: 2024010105,
      body: { ...toBuddyNs, hostmaster: 'hostmaster@xn--bcher-kva.de' },
      records: [
        { domain: 'xn--bcher-kva.de', type: 'A', answers: [{ answer: ['192.0.2.20'] }] },
        { domain: 'www.xn--bcher-kva.de', type: 'AAAA', answers: [{ answer: ['2001:db8::20'] }] },
      ],
    },
    {
      zone: 'lame-delegation.org',
      serial: 2024020201,
      body: toBuddyNs,
      records: [{ domain: 'lame-delegation.org', type: 'A', answers: [{ answer: ['192.0.2.30'] }] }],
    },
    { zone: 'example.net', body: { link: 'example.com' } },
    {
      zone: 'ns1-only.com',
      serial: 2024030101,
      records: [
        {
          domain: 'www.ns1-only.com',
          type: 'A',
          ttl: 60,
          answers: [
            { answer: ['192.0.2.41'], region: 'us-east', meta: { up: { feed: DEMO_FEEDS.east }, priority: 1 } },
            { answer: ['192.0.2.42'], region: 'us-west', meta: { up: { feed: DEMO_FEEDS.west }, priority: 2 } },
          ],
          regions: { 'us-east': { meta: { georegion: ['US-EAST'] } }, 'us-west': { meta: { georegion: ['US-WEST'] } } },
          filters: [
            { filter: 'up', config: {} },
            { filter: 'geotarget_regional', config: {} },
            { filter: 'select_first_region', config: {} },
            { filter: 'select_first_n', config: { N: 1 } },
          ],
        },
        { domain: 'www.ns1-only.com', type: 'AAAA', answers: [{ answer: ['2001:db8::41'] }] },
        { domain: 'ns1-only.com', type: 'ALIAS', answers: [{ answer: ['lb.ns1-only.com'] }] },
        { domain: 'ns1-only.com', type: 'AFSDB', answers: [{ answer: [1, 'afs.ns1-only.com'] }] },
        { domain: 'ns1-only.com', type: 'CERT', answers: [{ answer: [1, 0, 8, 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA'] }] },
        { domain: 'blog.ns1-only.com', type: 'CNAME', answers: [{ answer: ['www.ns1-only.com'] }] },
        { domain: 'old.ns1-only.com', type: 'DNAME', answers: [{ answer: ['ns1-only.com'] }] },
        { domain: 'host.ns1-only.com', type: 'HINFO', answers: [{ answer: ['INTEL-386', 'LINUX'] }] },
        { domain: 'ns1-only.com', type: 'MX', answers: [{ answer: [10, 'mx.ns1-only.com'] }] },
        { domain: 'sip.ns1-only.com', type: 'NAPTR', answers: [{ answer: [100, 10, 'S', 'SIP+D2U', '', '_sip._udp.ns1-only.com'] }] },
        { domain: 'sub.ns1-only.com', type: 'NS', answers: [{ answer: ['ns1.sub.ns1-only.com'] }] },
        { domain: '4.2.0.192.ns1-only.com', type: 'PTR', answers: [{ answer: ['www.ns1-only.com'] }] },
        { domain: 'ns1-only.com', type: 'RP', answers: [{ answer: ['admin.ns1-only.com', 'info.ns1-only.com'] }] },
        { domain: 'ns1-only.com', type: 'SPF', answers: [{ answer: ['v=spf1 mx -all'] }] },
        { domain: '_sip._tcp.ns1-only.com', type: 'SRV', answers: [{ answer: [10, 60, 5060, 'sip.ns1-only.com'] }] },
        { domain: 'ns1-only.com', type: 'TXT', answers: [{ answer: ['hello from the NS1 sandbox'] }] },
        { domain: 'alias.ns1-only.com', type: 'A', link: 'www.ns1-only.com' },
      ],
    },
    { zone: 'secondary.example', body: { secondary: { enabled: true, primary_ip: '203.0.113.5', primary_port: 53 } } },
  ];
}

export function seedKeys(ctx: Ns1Context, keys: Ns1Keys): void {
  const state = ctx.state();
  const add = (name: string, key: string, permissions: ReturnType<typeof allPermissions>) => {
    state.keys.set(key, { id: state.ids.next(), name, key, teams: [], permissions });
  };
  add('Sandbox admin', keys.admin, allPermissions());
  add('Sandbox read-only', keys.readOnly, readOnlyPermissions());
  add('Sandbox example.com only', keys.exampleOnly, dnsOnlyPermissions(['example.com']));
}

export function seedZones(ctx: Ns1Context, zones: ZoneSeed[]): void {
  const state = ctx.state();
  for (const seed of zones) {
    const zone = createZoneState(ctx, seed.zone, seed.body ?? {});
    for (const r of seed.records ?? []) {
      const record: DnsRecord = {
        id: state.ids.next(),
        zone: zone.zone,
        domain: r.domain,
        type: r.type,
        ttl: r.ttl ?? zone.ttl,
        tier: r.filters && r.filters.length > 0 ? 3 : 1,
        answers: (r.answers ?? []).map((a) => ({ id: state.ids.next(), ...a })),
        regions: r.regions ?? {},
        meta: r.meta ?? {},
        filters: r.filters ?? [],
        use_client_subnet: r.use_client_subnet ?? true,
        networks: [...zone.networks],
        ...(r.link ? { link: r.link } : {}),
      };
      state.records.set(`${zone.zone}|${r.domain}|${r.type}`, record);
    }
    if (seed.serial !== undefined) zone.serial = seed.serial;
  }
}

export function bulkZones(count: number, offset: number): ZoneSeed[] {
  return Array.from({ length: count }, (_, i) => {
    const name = `bulk-${String(offset + i + 1).padStart(4, '0')}.example`;
    return {
      zone: name,
      serial: 2024060101,
      body: toBuddyNs,
      records: [
        { domain: name, type: 'A' as const, answers: [{ answer: [`192.0.2.${(i % 250) + 1}`] }] },
        { domain: `www.${name}`, type: 'CNAME' as const, answers: [{ answer: [name] }] },
      ],
    };
  });
}
