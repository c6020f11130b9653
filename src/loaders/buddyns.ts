import type { BuddyNsClient } from '../providers/buddyns/client.js';
import type { BuddyNsDelegation, BuddyNsZone, BuddyNsZoneStatus } from '../providers/buddyns/zones.js';
import { eachKey } from './each-key.js';
import type { LoaderRegistry } from './registry.js';

export interface BuddyNsDeps {
  buddyns: BuddyNsClient;
  loaders: LoaderRegistry;
}

const listLoader = ({ buddyns, loaders }: BuddyNsDeps) =>
  loaders.get<'all', BuddyNsZone[]>('buddyns:zones', buddyns.fingerprint, async () => [await buddyns.zones.list()]);

const statusLoader = ({ buddyns, loaders }: BuddyNsDeps) =>
  loaders.get<string, BuddyNsZoneStatus>(
    'buddyns:status',
    buddyns.fingerprint,
    eachKey((name) => buddyns.zoneStatus.get(name)),
  );

const delegationLoader = ({ buddyns, loaders }: BuddyNsDeps) =>
  loaders.get<string, BuddyNsDelegation>(
    'buddyns:delegation',
    buddyns.fingerprint,
    eachKey((name) => buddyns.delegations.get(name)),
  );

/** The zone list is one request and carries every field of a zone, so single zones are read from it. */
export function buddyNsZoneList(deps: BuddyNsDeps): Promise<BuddyNsZone[]> {
  return listLoader(deps).load('all');
}

export async function buddyNsZone(deps: BuddyNsDeps, asciiName: string): Promise<BuddyNsZone | null> {
  return (await buddyNsZoneList(deps)).find((zone) => zone.asciiName === asciiName) ?? null;
}

export function buddyNsZoneStatus(deps: BuddyNsDeps, asciiName: string): Promise<BuddyNsZoneStatus> {
  return statusLoader(deps).load(asciiName);
}

export function buddyNsDelegation(deps: BuddyNsDeps, asciiName: string): Promise<BuddyNsDelegation> {
  return delegationLoader(deps).load(asciiName);
}

/** After a write the next read must see it. */
export function forgetBuddyNsZone(deps: BuddyNsDeps, asciiName: string): void {
  listLoader(deps).clearAll();
  statusLoader(deps).clear(asciiName);
  delegationLoader(deps).clear(asciiName);
}
