import { isWithinZone } from '../../domain/domain-name.js';
import { asciiRdata, checkRdata } from '../../domain/rdata.js';
import { badInput } from '../../errors/gateway-error.js';
import type { RecordTypeName } from '../../domain/record-types.js';
import type { Ns1Record, Ns1RecordWrite } from '../../providers/ns1/records.js';
import { omitNulls } from '../omit-nulls.js';

export interface RecordArgs {
  ttl?: number | null;
  answers?: Array<{ rdata: string[]; region?: string | null; meta?: Record<string, unknown> | null }> | null;
  link?: string | null;
  regions?: Array<{ name: string; meta?: Record<string, unknown> | null }> | null;
  filters?: Array<{ filter: string; config?: Record<string, unknown> | null; disabled?: boolean | null }> | null;
  meta?: Record<string, unknown> | null;
  useClientSubnet?: boolean | null;
}

/** Checks a record write against the rules of its type and zone, before anything is sent to NS1. */
export function validateRecord(zone: string, domain: string, type: RecordTypeName, args: RecordArgs, creating: boolean): void {
  if (!isWithinZone(domain, zone)) throw badInput('domain', `${domain} is not within zone ${zone}`);
  if (args.ttl != null && (args.ttl < 0 || args.ttl > 2_147_483_647)) throw badInput('ttl', 'must be from 0 to 2147483647 seconds');
  const answers = args.answers ?? [];
  if (args.link) {
    if (args.link === domain) throw badInput('link', 'a record cannot link to itself');
    const own = ownConfiguration(args);
    if (own) throw badInput(own, `a linked record takes no ${own} of its own: it answers with ${args.link}'s`);
  }
  // On a change, leaving `answers` out keeps them; an empty list would leave the record answering nothing.
  if ((creating || args.answers) && !args.link && answers.length === 0) throw badInput('answers', `give at least one answer, or a link`);
  const regionNames = checkRegionNames(args.regions ?? []);
  for (const [i, answer] of answers.entries()) {
    const problem = checkRdata(type, answer.rdata);
    if (problem) throw badInput(problem.index === undefined ? `answers[${i}].rdata` : `answers[${i}].rdata[${problem.index}]`, problem.message);
    // A new record has only the regions it is given; a changed one may keep regions it had (see validateChange).
    if (answer.region && (args.regions || creating) && !regionNames.has(answer.region)) {
      throw badInput(`answers[${i}].region`, `region "${answer.region}" is not among the record's regions`);
    }
  }
  for (const [field, meta] of metaTables(args)) checkMetaTable(field, meta);
  for (const [i, filter] of (args.filters ?? []).entries()) {
    if (!/^[a-z0-9_]+$/.test(filter.filter)) throw badInput(`filters[${i}].filter`, `"${filter.filter}" is not a filter name`);
  }
}

/** A bound on one metadata table, far above any real steering table, so one write cannot bloat a record without end. */
const MAX_META_BYTES = 64 * 1024;

/** A metadata table's size, and its data feed pointers' form. */
function checkMetaTable(field: string, meta: Record<string, unknown>): void {
  const size = Buffer.byteLength(JSON.stringify(meta), 'utf8');
  if (size > MAX_META_BYTES) throw badInput(field, `metadata is at most ${MAX_META_BYTES} bytes as JSON (got ${size})`);
  for (const [key, value] of Object.entries(meta)) {
    if (value && typeof value === 'object' && 'feed' in value && (typeof value.feed !== 'string' || value.feed.trim() === '')) {
      throw badInput(`${field}.${key}`, 'a data feed pointer is {"feed": "<feed id>"}');
    }
  }
}

/** Every metadata table of a write, by the field that gives it. */
export function metaTables(args: RecordArgs): Array<[string, Record<string, unknown>]> {
  const tables: Array<[string, Record<string, unknown> | null | undefined]> = [
    ['meta', args.meta],
    ...(args.answers ?? []).map((a, i): [string, Record<string, unknown> | null | undefined] => [`answers[${i}].meta`, a.meta]),
    ...(args.regions ?? []).map((r, i): [string, Record<string, unknown> | null | undefined] => [`regions[${i}].meta`, r.meta]),
  ];
  return tables.filter((t): t is [string, Record<string, unknown>] => Boolean(t[1] && Object.keys(t[1]).length > 0));
}

/** The first field giving configuration of the record's own (NS1 takes none with a link), or undefined. */
function ownConfiguration(args: RecordArgs): 'answers' | 'regions' | 'filters' | 'meta' | undefined {
  if (args.answers?.length) return 'answers';
  if (args.regions?.length) return 'regions';
  if (args.filters?.length) return 'filters';
  if (args.meta && Object.keys(args.meta).length > 0) return 'meta';
  return undefined;
}

/** The region names, each given once: NS1 keys regions by name, so a second one of a name would replace the first. */
function checkRegionNames(regions: NonNullable<RecordArgs['regions']>): Set<string> {
  const names = new Set<string>();
  for (const [i, region] of regions.entries()) {
    if (region.name.trim() === '') throw badInput(`regions[${i}].name`, 'a region needs a name');
    if (names.has(region.name)) throw badInput(`regions[${i}].name`, `region "${region.name}" is given twice`);
    names.add(region.name);
  }
  return names;
}

/**
 * Checks a change against the record it changes: the record as it would be after the change (the new answers or
 * the current ones, with the new regions or the current ones) must have every answer's region.
 */
export function validateChange(current: Ns1Record, args: RecordArgs): void {
  const own = current.link && !args.link ? ownConfiguration(args) : undefined;
  if (own) {
    throw badInput(own, `the record is linked to ${current.link} and takes no ${own} of its own; delete it and create it again to give it its own`);
  }
  const regions = new Set((args.regions ?? current.regions).map((r) => r.name));
  const answers = args.answers ?? current.answers;
  for (const [i, answer] of answers.entries()) {
    if (!answer.region || regions.has(answer.region)) continue;
    if (args.answers) throw badInput(`answers[${i}].region`, `region "${answer.region}" is not among the record's regions`);
    throw badInput('regions', `the record's answer ${i} (${answer.rdata.join(' ')}) is in region "${answer.region}", which this change removes`);
  }
}

/**
 * A change as the NS1 client takes it. `meta: null` given on purpose clears the metadata (NS1 replaces the record's
 * meta with the one sent); a change that would send nothing is refused rather than reported done.
 */
export function toRecordChange(type: RecordTypeName, args: RecordArgs): Ns1RecordWrite {
  const change = { ...toRecordWrite(type, args), ...('meta' in args && args.meta === null ? { meta: {} } : {}) };
  if (Object.keys(change).length === 0) throw badInput('input', 'give at least one field to change');
  return change;
}

/** GraphQL sends an unset input field as null; the NS1 client takes only what was given, host names in ASCII. */
export function toRecordWrite(type: RecordTypeName, args: RecordArgs): Ns1RecordWrite {
  return omitNulls({
    ttl: args.ttl,
    answers: args.answers?.map((a) => ({ rdata: asciiRdata(type, a.rdata), ...(a.region ? { region: a.region } : {}), ...(a.meta ? { meta: a.meta } : {}) })),
    link: args.link,
    regions: args.regions?.map((r) => ({ name: r.name, ...(r.meta ? { meta: r.meta } : {}) })),
    filters: args.filters?.map((f) => ({ filter: f.filter, ...(f.config ? { config: f.config } : {}), ...omitNulls({ disabled: f.disabled }) })),
    meta: args.meta,
    useClientSubnet: args.useClientSubnet,
  });
}
