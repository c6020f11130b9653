import { isIP } from 'node:net';
import { json, noContent, SandboxHttpError, type Router, type SandboxClock, type SandboxRequest } from '../kit/index.js';
import { naiveIso, normaliseZoneName } from './names.js';
import { readParams } from './params.js';
import { zoneFromSeed } from './seed.js';
import { advanceTransfers, masterReachable, syncZone, transferOk, type BuddyState, type BuddyZone } from './state.js';

const BASE = '/api/v2';

/** The shape the live API answers a refused zone with: field errors under `errors`, and a `detail`. */
function invalidZone(errors: Record<string, string[]>): SandboxHttpError {
  const detail = 'Invalid zone submitted for addition.';
  return new SandboxHttpError(400, detail, { errors, detail });
}

function zoneDetail(zone: BuddyZone) {
  return {
    name: zone.unicode,
    name_idn: zone.ascii,
    serial: zone.serial,
    master: zone.master,
    creation_ts: naiveIso(zone.createdAt),
  };
}

function zoneListItem(zone: BuddyZone) {
  return {
    ...zoneDetail(zone),
    status: `${BASE}/zone/${zone.unicode}/status/`,
    delegation: `${BASE}/zone/${zone.unicode}/delegation/`,
  };
}

/** Django's IP field keeps IPv6 in its canonical text (lower case, zeros compressed); IPv4 as it is. */
function djangoAddress(address: string): string {
  const url = `http://[${address}]/`;
  if (isIP(address) !== 6 || address.includes('.') || !URL.canParse(url)) return address.toLowerCase();
  return new URL(url).hostname.slice(1, -1);
}

export function registerZones(router: Router, state: () => BuddyState, clock: SandboxClock): void {
  const find = (req: SandboxRequest): BuddyZone => {
    const names = normaliseZoneName(req.params.name ?? '');
    const zone = names ? state().zones.get(names.ascii) : undefined;
    if (!zone) throw new SandboxHttpError(404, 'Not found');
    advanceTransfers(state(), clock);
    return zone;
  };

  router.get('/zone/', () => {
    advanceTransfers(state(), clock);
    const zones = [...state().zones.values()].sort((a, b) => a.ascii.localeCompare(b.ascii));
    return json(zones.map(zoneListItem));
  });

  router.post('/zone/', async (req) => {
    const params = await readParams(req);
    const rawName = (params.get('name') ?? '').trim();
    const master = djangoAddress((params.get('master') ?? '').trim());
    const errors: Record<string, string[]> = {};
    const names = rawName ? normaliseZoneName(rawName) : undefined;
    if (!rawName) errors.name = ['This field is required.'];
    else if (!names) errors.name = ['Enter a valid domain name.'];
    else if (state().zones.has(names.ascii)) errors.name = ['Zone with this Domain already exists.'];
    if (master !== '' && isIP(master) === 0) errors.master = ['Enter a valid IPv4 or IPv6 address.'];
    if (Object.keys(errors).length > 0 || !names) throw invalidZone(errors);
    const zone = zoneFromSeed({ name: names.unicode, master }, names, clock.now());
    state().zones.set(zone.ascii, zone);
    return json(zoneDetail(zone), 201);
  });

  router.get('/zone/:name', (req) => json(zoneDetail(find(req))));

  router.delete('/zone/:name', (req) => {
    state().zones.delete(find(req).ascii);
    return noContent();
  });

  router.get('/zone/:name/status/', (req) => {
    const zone = find(req);
    return json({
      zone: zone.ascii,
      transfer_ok: transferOk(zone),
      first_failure_ts: naiveIso(zone.transfer.firstFailure),
      last_failure_ts: naiveIso(zone.transfer.lastFailure),
      last_success_ts: naiveIso(zone.transfer.lastSuccess),
    });
  });

  router.get('/zone/:name/delegation/', (req) => {
    const zone = find(req);
    return json({
      zone: zone.unicode,
      master: zone.master,
      master_ok: masterReachable(zone.master),
      registry_ok: zone.delegation.registryOk,
      authority_ok: zone.delegation.authorityOk,
    });
  });

  router.get('/sync/', () => {
    for (const zone of state().zones.values()) syncZone(zone, clock);
    return noContent();
  });

  router.get('/sync/:name', (req) => {
    syncZone(find(req), clock);
    return noContent();
  });
}
