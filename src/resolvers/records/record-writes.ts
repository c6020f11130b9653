import type { GatewayContext } from '../../context.js';
import { badInput, GatewayError } from '../../errors/gateway-error.js';
import { isWithinZone } from '../../domain/domain-name.js';
import { linkNotGranted } from '../../auth/forbidden.js';
import { canSeeZone, seesEveryZone } from '../../auth/visible-zones.js';
import { forgetNs1Record, ns1FilterTypeKeys, ns1MetaTypeKeys, ns1Record, ns1ZoneDetail, ns1ZoneList, type Ns1Deps } from '../../loaders/ns1-dns.js';
import type { RecordTypeName } from '../../domain/record-types.js';
import type { Ns1Record } from '../../providers/ns1/records.js';
import { ns1RecordNow, writePolicy } from '../writes/provider-state.js';
import { requireNs1 } from '../providers.js';
import { metaTables, toRecordChange, toRecordWrite, validateChange, validateRecord, type RecordArgs } from './record-input.js';
import { versionOf } from '../version.js';
import type { VerifiedWrite } from '../writes/verified-write.js';
import { conflict } from '../writes/write-outcome-errors.js';
import { withWriteLock } from '../writes/write-lock.js';
import { runSteps } from '../writes/write-steps.js';

async function requireZone(ctx: GatewayContext, zone: string): Promise<void> {
  if (!(await ns1ZoneDetail(requireNs1(ctx), zone))) throw new GatewayError('NOT_FOUND', `zone ${zone} does not exist on NS1`, { provider: 'ns1' });
}

const notFound = (zone: string, domain: string, type: string) =>
  new GatewayError('NOT_FOUND', `record ${domain}/${type} does not exist in zone ${zone}`, { provider: 'ns1' });

const rdataOf = (record: { answers?: Array<{ rdata: Array<string | number> }> }) =>
  JSON.stringify((record.answers ?? []).map((a) => a.rdata.join(' ').toLowerCase()).sort());

interface RecordWrite<T> {
  key: { zone: string; domain: string; type: RecordTypeName };
  /** e.g. "update record www.example.com/A" */
  does: string;
  /** The write, given the record as it is now (null when it does not exist yet). */
  write(current: Ns1Record | null): VerifiedWrite<T>;
  ifVersion?: string | null;
  mustExist: boolean;
  /** Checks the input against the record as it is now, before anything is written. */
  check?(current: Ns1Record | null): void | Promise<void>;
}

/** Runs one record write as a verified step, under the record's lock, and forgets what the request had read. */
async function writeRecord<T>(ctx: GatewayContext, deps: Ns1Deps, op: RecordWrite<T>): Promise<T> {
  const { zone, domain, type } = op.key;
  return withWriteLock(`${deps.ns1.fingerprint}:${zone}:${domain}:${type}`, async () => {
    try {
      const current = await ns1RecordNow(deps, zone, domain, type);
      if (op.mustExist && !current) throw notFound(zone, domain, type);
      if (current && op.ifVersion != null && versionOf(current) !== op.ifVersion) {
        throw conflict(
          `record ${domain}/${type} in zone ${zone} changed since version ${op.ifVersion}; read it again and reapply your change`,
          versionOf(current),
        );
      }
      await op.check?.(current);
      const check = `{ record(zone: "${zone}", domain: "${domain}", type: ${type}) { version answers { rdata } } }`;
      const [value] = await runSteps(
        { operation: op.does, steps: [{ provider: 'ns1', does: op.does, done: op.does, write: op.write(current) }], check },
        writePolicy(ctx),
      );
      return value as T;
    } finally {
      forgetNs1Record(deps, op.key);
    }
  });
}

/** The zone of the account a name lies in: the longest zone name it ends with. */
async function zoneOf(deps: Ns1Deps, name: string): Promise<string | undefined> {
  const zones = (await ns1ZoneList(deps)).map((z) => z.asciiName).filter((z) => isWithinZone(name, z));
  return zones.sort((a, b) => b.length - a.length)[0];
}

/** The names a zone holding `name` could have: the name itself and each name above it. */
const enclosingNames = (name: string): string[] => name.split('.').map((_label, i, labels) => labels.slice(i).join('.'));

/**
 * A link target outside the zones the caller may see is refused before anything is read: what the provider
 * answers about it would tell what those zones hold.
 */
function refuseHiddenLink(ctx: GatewayContext, link: string | null | undefined): void {
  if (!link || enclosingNames(link).some((name) => canSeeZone(ctx, name))) return;
  throw linkNotGranted(link);
}

/**
 * NS1 links a record only to an existing record of the same type, which it reads to answer. For a token that
 * grants some zones only, a target in a zone it does not grant is answered as one that does not exist, so the
 * answer cannot tell which zones the account has below a granted one.
 */
async function checkLinkTarget(ctx: GatewayContext, deps: Ns1Deps, link: string, type: RecordTypeName): Promise<void> {
  const found = await zoneOf(deps, link);
  const zone = found && canSeeZone(ctx, found) ? found : undefined;
  if (zone && (await ns1Record(deps, { zone, domain: link, type }))) return;
  const others = zone ? ((await ns1ZoneDetail(deps, zone))?.records ?? []).filter((r) => r.domain === link).map((r) => r.type) : [];
  if (others.length > 0) throw badInput('link', `${link} has no ${type} record to link to (it has ${others.join(', ')}); a link takes the same type`);
  throw badInput('link', `${link}/${type} does not exist on NS1${seesEveryZone(ctx) ? '' : ' in a zone this token grants'}`);
}

/** Metadata keys and filters must be among NS1's catalogues (/metatypes, /filtertypes), read only when the write has some. */
async function checkCatalogs(deps: Ns1Deps, args: RecordArgs): Promise<void> {
  const tables = metaTables(args);
  if (tables.length > 0) {
    const known = await ns1MetaTypeKeys(deps);
    for (const [field, meta] of tables) {
      const unknown = Object.keys(meta).find((key) => !known.has(key));
      if (unknown) throw badInput(`${field}.${unknown}`, `"${unknown}" is not an NS1 metadata type (see Query.metaTypes)`);
    }
  }
  if (args.filters?.length) {
    const known = await ns1FilterTypeKeys(deps);
    for (const [i, filter] of args.filters.entries()) {
      if (!known.has(filter.filter)) throw badInput(`filters[${i}].filter`, `"${filter.filter}" is not an NS1 filter (see Query.filterTypes)`);
    }
  }
}

export async function createRecord(ctx: GatewayContext, zone: string, domain: string, type: RecordTypeName, args: RecordArgs): Promise<Ns1Record> {
  validateRecord(zone, domain, type, args, true);
  refuseHiddenLink(ctx, args.link);
  const deps = requireNs1(ctx);
  await requireZone(ctx, zone);
  if (args.link) await checkLinkTarget(ctx, deps, args.link, type);
  await checkCatalogs(deps, args);
  const sent = toRecordWrite(type, args);
  return writeRecord<Ns1Record>(ctx, deps, {
    key: { zone, domain, type },
    does: `create record ${domain}/${type}`,
    mustExist: false,
    write: () => ({
      provider: 'ns1',
      send: () => deps.ns1.records.create(zone, domain, type, sent),
      observe: async () => {
        const now = await ns1RecordNow(deps, zone, domain, type);
        if (!now) return { state: 'absent' };
        if (rdataOf(now) === rdataOf(sent)) return { state: 'applied', value: now };
        return { state: 'different', detail: `the record exists with other answers (${now.shortAnswers.join(', ')})` };
      },
    }),
  });
}

/** A change is taken to have happened when the record's version moved from the one it was made against. */
function changeOf(
  deps: Ns1Deps,
  key: { zone: string; domain: string; type: RecordTypeName },
  before: Ns1Record | null,
  send: () => Promise<Ns1Record>,
): VerifiedWrite<Ns1Record> {
  return {
    provider: 'ns1',
    send,
    observe: async () => {
      const now = await ns1RecordNow(deps, key.zone, key.domain, key.type);
      if (!now) return { state: 'different', detail: 'the record was deleted meanwhile' };
      return before && versionOf(now) === versionOf(before) ? { state: 'absent' } : { state: 'applied', value: now };
    },
  };
}

export async function updateRecord(
  ctx: GatewayContext,
  zone: string,
  domain: string,
  type: RecordTypeName,
  args: RecordArgs,
  ifVersion?: string | null,
): Promise<Ns1Record> {
  validateRecord(zone, domain, type, args, false);
  refuseHiddenLink(ctx, args.link);
  const change = toRecordChange(type, args);
  const deps = requireNs1(ctx);
  const key = { zone, domain, type };
  return writeRecord(ctx, deps, {
    key,
    does: `update record ${domain}/${type}`,
    mustExist: true,
    ifVersion,
    check: async (current) => {
      if (current) validateChange(current, args);
      if (args.link) await checkLinkTarget(ctx, deps, args.link, type);
      await checkCatalogs(deps, args);
    },
    write: (before) => changeOf(deps, key, before, () => deps.ns1.records.update(zone, domain, type, change)),
  });
}

export async function deleteRecord(ctx: GatewayContext, zone: string, domain: string, type: RecordTypeName, ifVersion?: string | null): Promise<boolean> {
  if (!isWithinZone(domain, zone)) throw badInput('domain', `${domain} is not within zone ${zone}`);
  const deps = requireNs1(ctx);
  await writeRecord(ctx, deps, {
    key: { zone, domain, type },
    does: `delete record ${domain}/${type}`,
    mustExist: true,
    ifVersion,
    write: () => ({
      provider: 'ns1',
      send: () => deps.ns1.records.delete(zone, domain, type),
      observe: async () => ((await ns1RecordNow(deps, zone, domain, type)) ? { state: 'absent' } : { state: 'applied', value: undefined }),
    }),
  });
  return true;
}
