import type { BuddyNsDeps } from '../../loaders/buddyns.js';
import type { Ns1Deps } from '../../loaders/ns1-dns.js';
import type { BuddyNsZone } from '../../providers/buddyns/zones.js';
import type { Ns1ZoneDetail, Ns1ZoneWrite } from '../../providers/ns1/zones.js';
import { buddyNsZoneNow, ns1ZoneNow } from '../writes/provider-state.js';
import type { VerifiedWrite } from '../writes/verified-write.js';

/** The zone writes of both providers, each with the read that tells whether it happened. */

export const createNs1Zone = (deps: Ns1Deps, name: string, settings: Ns1ZoneWrite): VerifiedWrite<Ns1ZoneDetail> => ({
  provider: 'ns1',
  send: () => deps.ns1.zones.create(name, settings),
  observe: async () => {
    const zone = await ns1ZoneNow(deps, name);
    return zone ? { state: 'applied', value: zone } : { state: 'absent' };
  },
});

export const deleteNs1Zone = (deps: Ns1Deps, name: string): VerifiedWrite<void> => ({
  provider: 'ns1',
  send: () => deps.ns1.zones.delete(name),
  observe: async () => ((await ns1ZoneNow(deps, name)) ? { state: 'absent' } : { state: 'applied', value: undefined }),
});

export const addBuddyNsZone = (deps: BuddyNsDeps, name: string, master: string): VerifiedWrite<BuddyNsZone> => ({
  provider: 'buddyns',
  send: () => deps.buddyns.zones.create(name, master),
  observe: async () => {
    const zone = await buddyNsZoneNow(deps, name);
    if (!zone) return { state: 'absent' };
    if (zone.master !== master) return { state: 'different', detail: `the zone is there with master ${zone.master || '(none)'}, not ${master || '(none)'}` };
    return { state: 'applied', value: zone };
  },
});

export const deleteBuddyNsZone = (deps: BuddyNsDeps, name: string): VerifiedWrite<void> => ({
  provider: 'buddyns',
  send: () => deps.buddyns.zones.delete(name),
  observe: async () => ((await buddyNsZoneNow(deps, name)) ? { state: 'absent' } : { state: 'applied', value: undefined }),
});

export const deleteZoneRemedy = (name: string, provider: 'NS1' | 'BUDDYNS') => `mutation { deleteZone(name: "${name}", providers: [${provider}]) }`;

export const addBuddyNsZoneRemedy = (name: string, master: string) =>
  `mutation { createZone(input: { name: "${name}", providers: [BUDDYNS]${master ? `, buddyns: { master: "${master}" }` : ''} }) { name } }`;
