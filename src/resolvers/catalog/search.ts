import { canSeeZone } from '../../auth/visible-zones.js';
import type { GatewayContext } from '../../context.js';
import { ns1Record } from '../../loaders/ns1-dns.js';
import type { Ns1SearchType } from '../../providers/ns1/catalog.js';
import { asciiLabels } from '../../domain/domain-name.js';
import type { RecordTypeName } from '../../domain/record-types.js';
import type { Ns1Record } from '../../providers/ns1/records.js';
import { findZone } from '../zones/merge-zones.js';
import { requireNs1 } from '../providers.js';
import type { UnifiedZone } from '../zones/unified-zone.js';

export type SearchResult = { kind: 'zone'; zone: UnifiedZone } | { kind: 'record'; record: Ns1Record };

/** NS1's search, for names in Unicode too, each hit resolved to the Zone or Record it names (through the loaders). */
export async function search(ctx: GatewayContext, query: string, options: { max?: number; type: Ns1SearchType }): Promise<SearchResult[]> {
  const deps = requireNs1(ctx);
  const hits = await deps.ns1.search.list(asciiLabels(query), options);
  const results = await Promise.all(
    hits.map(async (hit): Promise<SearchResult | null> => {
      if (!canSeeZone(ctx, hit.zone)) return null;
      if (hit.kind === 'zone') {
        const zone = await findZone(ctx, hit.zone, () => undefined);
        return zone ? { kind: 'zone', zone } : null;
      }
      const record = await ns1Record(deps, { zone: hit.zone, domain: hit.domain, type: hit.type as RecordTypeName });
      return record ? { kind: 'record', record } : null;
    }),
  );
  return results.filter((r): r is SearchResult => r !== null);
}
