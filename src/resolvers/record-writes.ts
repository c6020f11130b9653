import type { GatewayContext } from '../context.js';
import { GatewayError } from '../errors/gateway-error.js';
import { forgetNs1Record, ns1Record, ns1ZoneDetail } from '../loaders/ns1-dns.js';
import type { Ns1Record, RecordTypeName } from '../providers/ns1/dns-types.js';
import { requireNs1 } from './providers.js';
import { toRecordWrite, validateRecord, type RecordArgs } from './record-input.js';

async function requireZone(ctx: GatewayContext, zone: string): Promise<void> {
  if (!(await ns1ZoneDetail(requireNs1(ctx), zone))) throw new GatewayError('NOT_FOUND', `zone ${zone} does not exist on NS1`, { provider: 'ns1' });
}

export async function createRecord(ctx: GatewayContext, zone: string, domain: string, type: RecordTypeName, args: RecordArgs): Promise<Ns1Record> {
  validateRecord(zone, domain, type, args, true);
  const deps = requireNs1(ctx);
  await requireZone(ctx, zone);
  const record = await deps.ns1.records.create(zone, domain, type, toRecordWrite(args));
  forgetNs1Record(deps, { zone, domain, type });
  return record;
}

export async function updateRecord(ctx: GatewayContext, zone: string, domain: string, type: RecordTypeName, args: RecordArgs): Promise<Ns1Record> {
  validateRecord(zone, domain, type, args, false);
  const deps = requireNs1(ctx);
  if (!(await ns1Record(deps, { zone, domain, type }))) {
    throw new GatewayError('NOT_FOUND', `record ${domain}/${type} does not exist in zone ${zone}`, { provider: 'ns1' });
  }
  const record = await deps.ns1.records.update(zone, domain, type, toRecordWrite(args));
  forgetNs1Record(deps, { zone, domain, type });
  return record;
}

export async function deleteRecord(ctx: GatewayContext, zone: string, domain: string, type: RecordTypeName): Promise<boolean> {
  const deps = requireNs1(ctx);
  if (!(await ns1Record(deps, { zone, domain, type }))) {
    throw new GatewayError('NOT_FOUND', `record ${domain}/${type} does not exist in zone ${zone}`, { provider: 'ns1' });
  }
  await deps.ns1.records.delete(zone, domain, type);
  forgetNs1Record(deps, { zone, domain, type });
  return true;
}
