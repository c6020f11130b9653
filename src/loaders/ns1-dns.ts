import type { Ns1Client } from '../providers/ns1/client.js';
import type { Ns1Record } from '../providers/ns1/records.js';
import type { Ns1ZoneDetail, Ns1ZoneSummary } from '../providers/ns1/zones.js';
import type { RecordTypeName } from '../domain/record-types.js';
import { eachKey } from './each-key.js';
import { orNull } from './or-null.js';
import type { LoaderRegistry } from './registry.js';

export interface Ns1Deps {
  ns1: Ns1Client;
  loaders: LoaderRegistry;
}

export interface RecordKey {
  zone: string;
  domain: string;
  type: RecordTypeName;
}

const recordId = (key: RecordKey) => `${key.zone}|${key.domain}|${key.type}`;

const zoneListLoader = ({ ns1, loaders }: Ns1Deps) => loaders.get<'all', Ns1ZoneSummary[]>('ns1:zones', ns1.fingerprint, async () => [await ns1.zones.list()]);

const zoneDetailLoader = ({ ns1, loaders }: Ns1Deps) =>
  loaders.get<string, Ns1ZoneDetail | null>(
    'ns1:zone',
    ns1.fingerprint,
    eachKey((name) => orNull(ns1.zones.get(name))),
  );

const recordLoader = ({ ns1, loaders }: Ns1Deps) =>
  loaders.get<RecordKey, Ns1Record | null, string>(
    'ns1:record',
    ns1.fingerprint,
    eachKey((k) => orNull(ns1.records.get(k.zone, k.domain, k.type))),
    {
      cacheKeyFn: recordId,
    },
  );

/** The metadata keys NS1 knows, read once per operation however many writes check against them. */
export function ns1MetaTypeKeys({ ns1, loaders }: Ns1Deps): Promise<Set<string>> {
  return loaders.get<'all', Set<string>>('ns1:metatypes', ns1.fingerprint, async () => [new Set((await ns1.metaTypes.list()).map((t) => t.key))]).load('all');
}

/** The filter names NS1 knows, read once per operation. */
export function ns1FilterTypeKeys({ ns1, loaders }: Ns1Deps): Promise<Set<string>> {
  return loaders
    .get<'all', Set<string>>('ns1:filtertypes', ns1.fingerprint, async () => [new Set((await ns1.filterTypes.list()).map((t) => t.key))])
    .load('all');
}

export function ns1ZoneList(deps: Ns1Deps): Promise<Ns1ZoneSummary[]> {
  return zoneListLoader(deps).load('all');
}

/** A zone's detail with its records' short form; null when NS1 does not have it. */
export function ns1ZoneDetail(deps: Ns1Deps, asciiName: string): Promise<Ns1ZoneDetail | null> {
  return zoneDetailLoader(deps).load(asciiName);
}

export function ns1Record(deps: Ns1Deps, key: RecordKey): Promise<Ns1Record | null> {
  return recordLoader(deps).load(key);
}

export function ns1ZoneQps({ ns1, loaders }: Ns1Deps, asciiName: string): Promise<number> {
  return loaders
    .get<string, number>(
      'ns1:zone-qps',
      ns1.fingerprint,
      eachKey((name) => ns1.qps.get({ zone: name })),
    )
    .load(asciiName);
}

export function ns1RecordQps({ ns1, loaders }: Ns1Deps, key: RecordKey): Promise<number> {
  return loaders
    .get<RecordKey, number, string>(
      'ns1:record-qps',
      ns1.fingerprint,
      eachKey((k) => ns1.qps.get(k)),
      { cacheKeyFn: recordId },
    )
    .load(key);
}

/** After a write the next read in the same operation must see it: drop what was cached for the zone. */
export function forgetNs1Zone(deps: Ns1Deps, asciiName: string): void {
  zoneDetailLoader(deps).clear(asciiName);
  zoneListLoader(deps).clearAll();
}

export function forgetNs1Record(deps: Ns1Deps, key: RecordKey): void {
  recordLoader(deps).clear(key);
  forgetNs1Zone(deps, key.zone);
}
