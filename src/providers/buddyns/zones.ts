import { providerAsciiName as ascii, toUnicodeDomain } from '../../domain/domain-name.js';
import { z } from 'zod';
import { encodePath } from '../http.js';
import type { ProviderCalls } from '../provider-api.js';
import { verifiedDelete } from '../write-retries.js';
import { naiveUtc } from './fields.js';
import { canonicalAddress } from '../../domain/ip-address.js';

/** Zone names go out in their ASCII form, so the URL never depends on how the caller spelled an IDN. */
function zonePath(name: string, ...rest: string[]): string {
  const path = encodePath('zone', ascii(name), ...rest);
  return rest.length > 0 ? `${path}/` : path;
}

// Spread last into each shape below: V8 builds a literal that adds fields after a spread many times slower.
const names = (name: string, idn?: string) => {
  const asciiName = idn || ascii(name);
  return {
    /** Unicode form, e.g. "bücher.de". */
    name: toUnicodeDomain(asciiName),
    /** ASCII (punycode) form, e.g. "xn--bcher-kva.de". */
    asciiName,
  };
};

const zoneSchema = z
  .object({
    name: z.string(),
    name_idn: z.string().optional(),
    serial: z.number().int().nullable().optional(),
    master: z.string().nullable().optional(),
    creation_ts: naiveUtc,
  })
  .transform((z) => ({
    serial: z.serial ?? null,
    /** IPv4 or IPv6 of the master, "" when none. */
    master: canonicalAddress(z.master ?? ''),
    createdAt: z.creation_ts,
    ...names(z.name, z.name_idn),
  }));

const zoneStatusSchema = z
  .object({
    zone: z.string(),
    transfer_ok: z.boolean(),
    first_failure_ts: naiveUtc,
    last_failure_ts: naiveUtc,
    last_success_ts: naiveUtc,
  })
  .transform((s) => ({
    transferOk: s.transfer_ok,
    firstFailureAt: s.first_failure_ts,
    lastFailureAt: s.last_failure_ts,
    lastSuccessAt: s.last_success_ts,
    ...names(s.zone),
  }));

const delegationSchema = z
  .object({
    zone: z.string(),
    master: z.string().nullable().optional(),
    master_ok: z.boolean(),
    registry_ok: z.boolean(),
    authority_ok: z.boolean(),
  })
  .transform((d) => ({
    master: canonicalAddress(d.master ?? ''),
    masterOk: d.master_ok,
    registryOk: d.registry_ok,
    authorityOk: d.authority_ok,
    ...names(d.zone),
  }));

/** A zone as BuddyNS serves it as secondary. */
export type BuddyNsZone = z.output<typeof zoneSchema>;
export type BuddyNsZoneStatus = z.output<typeof zoneStatusSchema>;
export type BuddyNsDelegation = z.output<typeof delegationSchema>;

const zoneListSchema = z.array(zoneSchema);

/** BuddyNS zones: /zone/, and SyncNOW at /sync/. */
export class BuddyNsZones {
  constructor(private readonly api: ProviderCalls) {}

  /** GET /zone/ */
  list(): Promise<BuddyNsZone[]> {
    return this.api.call({ method: 'GET', path: '/zone/', staleIfError: true }, zoneListSchema, 'zone list');
  }

  /** GET /zone/{name} */
  get(name: string): Promise<BuddyNsZone> {
    return this.api.call({ method: 'GET', path: zonePath(name) }, zoneSchema, 'zone');
  }

  /** POST /zone/ with form fields name and master ("" for none). */
  create(name: string, master: string): Promise<BuddyNsZone> {
    return this.api.call({ method: 'POST', path: '/zone/', form: { name: ascii(name), master } }, zoneSchema, 'zone');
  }

  /** DELETE /zone/{name} */
  async delete(name: string): Promise<void> {
    await this.api.send(verifiedDelete(zonePath(name)));
  }

  /** GET /sync/{name}: SyncNOW for one zone. */
  async sync(name: string): Promise<void> {
    await this.api.send({ method: 'GET', path: encodePath('sync', ascii(name)), sideEffects: true });
  }

  /** GET /sync/: SyncNOW for every zone. */
  async syncAll(): Promise<void> {
    await this.api.send({ method: 'GET', path: '/sync/', sideEffects: true });
  }
}

/** GET /zone/{name}/status/: the zone's transfer status. */
export class BuddyNsZoneStatuses {
  constructor(private readonly api: ProviderCalls) {}

  get(name: string, signal?: AbortSignal): Promise<BuddyNsZoneStatus> {
    return this.api.call({ method: 'GET', path: zonePath(name, 'status'), signal }, zoneStatusSchema, 'zone status');
  }
}

/** GET /zone/{name}/delegation/: whether the registry and the zone's name servers point at BuddyNS. */
export class BuddyNsDelegations {
  constructor(private readonly api: ProviderCalls) {}

  get(name: string): Promise<BuddyNsDelegation> {
    return this.api.call({ method: 'GET', path: zonePath(name, 'delegation') }, delegationSchema, 'zone delegation');
  }
}
