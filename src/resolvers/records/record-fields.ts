import type { GatewayContext } from '../../context.js';
import { GatewayError } from '../../errors/gateway-error.js';
import { ns1Record } from '../../loaders/ns1-dns.js';
import type { Ns1Record } from '../../providers/ns1/records.js';
import type { Ns1RecordSummary } from '../../providers/ns1/zones.js';
import type { Ns1StatsPeriod, Ns1UsageStats } from '../../providers/ns1/stats.js';
import { requireNs1 } from '../providers.js';
import { versionOf } from '../version.js';

function isFull(record: Ns1RecordSummary | Ns1Record): record is Ns1Record {
  return 'answers' in record;
}

/** The full record behind a short one from a zone listing, fetched once per operation. */
export async function fullRecord(ctx: GatewayContext, record: Ns1RecordSummary | Ns1Record): Promise<Ns1Record> {
  if (isFull(record)) return record;
  const full = await ns1Record(requireNs1(ctx), { zone: record.zone, domain: record.domain, type: record.type });
  if (!full) throw new GatewayError('NOT_FOUND', `record ${record.domain}/${record.type} no longer exists in ${record.zone}`, { provider: 'ns1' });
  return full;
}

export async function recordVersion(ctx: GatewayContext, record: Ns1RecordSummary | Ns1Record): Promise<string> {
  return versionOf(await fullRecord(ctx, record));
}

export function recordUsage(ctx: GatewayContext, record: Ns1RecordSummary, period: Ns1StatsPeriod): Promise<Ns1UsageStats[]> {
  return requireNs1(ctx).ns1.usage.list({ zone: record.zone, domain: record.domain, type: record.type }, { period });
}
