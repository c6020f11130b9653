import { canSeeZone } from '../../auth/visible-zones.js';
import type { GatewayContext } from '../../context.js';
import { ns1ZoneDetail } from '../../loaders/ns1-dns.js';
import type { Ns1SearchHit, Ns1SearchType } from '../../providers/ns1/catalog.js';
import { asciiLabels, isAscii, toUnicodeDomain } from '../../domain/domain-name.js';
import type { Ns1Record } from '../../providers/ns1/records.js';
import type { Ns1RecordSummary } from '../../providers/ns1/zones.js';
import { findZone } from '../zones/merge-zones.js';
import { requireNs1 } from '../providers.js';
import type { UnifiedZone } from '../zones/unified-zone.js';

export type SearchResult = { kind: 'zone'; zone: UnifiedZone } | { kind: 'record'; record: Ns1RecordSummary | Ns1Record };

/** NS1's own default number of hits. */
const DEFAULT_MAX = 10;
/** How many hits to ask NS1 for when they are narrowed here: the most search takes. */
const SCAN_MAX = 1000;

/**
 * What to ask NS1 for a Unicode fragment. NS1 matches names in ASCII, and a fragment's punycode is not part of its
 * label's ("müller" is xn--mller-kva, müller-qa is xn--mller-qa-…); but punycode keeps a label's ASCII letters in
 * order, so the longest ASCII piece of the fragment within one label is part of every name that contains it
 * ("xn--" when there is none).
 */
function asciiPiece(fragment: string): string {
  const pieces = fragment.split(/[^ -~]|\./u).filter((piece) => piece !== '');
  return pieces.sort((a, b) => b.length - a.length)[0] ?? 'xn--';
}

/** Whether a name contains the query, in its ASCII form or in its Unicode form. */
function nameMatches(asciiName: string, asciiQuery: string, unicodeQuery: string): boolean {
  return asciiName.includes(asciiQuery) || toUnicodeDomain(asciiName).includes(unicodeQuery);
}

async function searchHits(ctx: GatewayContext, query: string, options: { max?: number; type: Ns1SearchType }): Promise<Ns1SearchHit[]> {
  const deps = requireNs1(ctx);
  const wanted = query.trim().toLowerCase().normalize('NFC');
  const asciiQuery = asciiLabels(wanted);
  if (isAscii(wanted)) return deps.ns1.search.list(asciiQuery, options);
  const hits = await deps.ns1.search.list(asciiPiece(wanted), { ...options, max: SCAN_MAX });
  return hits.filter((hit) => nameMatches(hit.kind === 'zone' ? hit.zone : hit.domain, asciiQuery, wanted)).slice(0, options.max ?? DEFAULT_MAX);
}

/**
 * NS1's search, for names in Unicode too, each hit resolved to the Zone or Record it names. A record comes in the
 * short form of its zone's listing (one request per zone, shared with the zone hits); the Record fields that need
 * more load the whole record when asked for.
 */
export async function search(ctx: GatewayContext, query: string, options: { max?: number; type: Ns1SearchType }): Promise<SearchResult[]> {
  const deps = requireNs1(ctx);
  const hits = await searchHits(ctx, query, options);
  const results = await Promise.all(
    hits.map(async (hit): Promise<SearchResult | null> => {
      if (!canSeeZone(ctx, hit.zone)) return null;
      if (hit.kind === 'zone') {
        const zone = await findZone(ctx, hit.zone, () => undefined);
        return zone ? { kind: 'zone', zone } : null;
      }
      const record = (await ns1ZoneDetail(deps, hit.zone))?.records.find((r) => r.domain === hit.domain && r.type === hit.type);
      return record ? { kind: 'record', record } : null;
    }),
  );
  return results.filter((r): r is SearchResult => r !== null);
}
