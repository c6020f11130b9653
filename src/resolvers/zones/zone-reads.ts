/** The fields of a zone that its name alone answers. */
const NAME_FIELDS: ReadonlySet<string> = new Set(['__typename', 'id', 'name', 'asciiName', 'unicodeName']);
/** The fields of a zone that read its NS1 zone GET. */
const NS1_DETAIL_FIELDS = ['ns1', 'records', 'record', 'health'];

/** What a selection of zones reads of each zone beyond the providers' lists. */
export interface ZoneReads {
  /** Nothing but names: one provider's list answers a `provider` filter alone. */
  namesOnly: boolean;
  /** The NS1 zone GET of each zone on NS1. */
  ns1Detail: boolean;
  /** NS1's current queries per second of each zone on NS1. */
  ns1Qps: boolean;
  /** BuddyNS's transfer status and delegation of each zone on BuddyNS. */
  buddyNsHealth: boolean;
}

export const NAMES_ONLY: ZoneReads = { namesOnly: true, ns1Detail: false, ns1Qps: false, buddyNsHealth: false };

export function zoneReadsOf(selected: ReadonlySet<string>): ZoneReads {
  return {
    namesOnly: [...selected].every((name) => NAME_FIELDS.has(name)),
    ns1Detail: NS1_DETAIL_FIELDS.some((name) => selected.has(name)),
    ns1Qps: selected.has('qps'),
    buddyNsHealth: selected.has('health'),
  };
}
