import { PROVIDER_NAME } from '../../domain/provider-name.js';
import { describeError } from '../../errors/describe-error.js';
import type { BuddyNsDelegation, BuddyNsZone, BuddyNsZoneStatus } from '../../providers/buddyns/zones.js';
import type { ProviderGap } from '../field-report.js';

export interface HealthInput {
  ns1Serial: number | null | undefined;
  onNs1: boolean;
  buddyns: BuddyNsZone | null;
  status: BuddyNsZoneStatus | null;
  delegation: BuddyNsDelegation | null;
  /** NS1's transfer address, when the zone should be transferred from NS1. */
  ns1TransferAddress: string | undefined;
  /** Whether NS1 allows outbound transfers of the zone, and which providers are configured at all. */
  ns1Primary?: boolean;
  configured?: { ns1: boolean; buddyns: boolean };
  /** Providers that did not answer: the health is incomplete without them. */
  gaps?: ProviderGap[];
}

export interface ZoneHealth {
  serialNs1: number | null;
  serialBuddyNs: number | null;
  serialsInSync: boolean | null;
  transferOk: boolean | null;
  delegationOk: boolean | null;
  problems: string[];
  /** False when a provider did not answer: what is known is said, what is not is unknown. */
  complete: boolean;
}

const iso = (date: Date | null) => (date ? date.toISOString().replace('.000Z', 'Z') : 'an unknown time');

/** The cross-provider view of a zone, with problems worded so a person knows what to fix. */
export function assessHealth(input: HealthInput): ZoneHealth {
  const { buddyns, status, delegation } = input;
  const serialNs1 = input.ns1Serial ?? null;
  const serialBuddyNs = buddyns?.serial ?? null;
  const both = input.onNs1 && buddyns !== null;
  const serialsInSync = both && serialNs1 !== null ? serialBuddyNs === serialNs1 : null;
  const transferOk = status ? status.transferOk : null;
  const delegationOk = delegation ? delegation.registryOk && delegation.authorityOk && delegation.masterOk : null;
  const problems: string[] = [];

  if (both && serialNs1 !== null) {
    if (serialBuddyNs === null) problems.push(`BuddyNS has not transferred the zone yet (NS1 serial ${serialNs1})`);
    else if (serialBuddyNs < serialNs1) problems.push(`BuddyNS serial ${serialBuddyNs} is behind NS1 ${serialNs1}`);
    else if (serialBuddyNs > serialNs1) problems.push(`BuddyNS serial ${serialBuddyNs} is ahead of NS1 ${serialNs1}: BuddyNS transfers from another master`);
  }
  if (status && !status.transferOk && buddyns) {
    const since = status.firstFailureAt ? ` since ${iso(status.firstFailureAt)}` : '';
    const success = status.lastSuccessAt ? ` (last success ${iso(status.lastSuccessAt)})` : ' (never succeeded)';
    const attempted = status.firstFailureAt ?? status.lastFailureAt ?? status.lastSuccessAt;
    // A zone just added: BuddyNS has not tried yet, which the serials may already have said.
    if (!attempted) {
      if (!(both && serialNs1 !== null && serialBuddyNs === null)) problems.push('BuddyNS has not transferred the zone yet');
    } else if (buddyns.master) problems.push(`BuddyNS cannot transfer from master ${buddyns.master}${since}${success}`);
    else problems.push(`BuddyNS cannot transfer the zone, which has no master of its own${since}${success}`);
  }
  if (delegation) {
    if (!delegation.registryOk) problems.push('Delegation: the registry does not list the BuddyNS name servers for this zone');
    if (!delegation.authorityOk) problems.push("Delegation: the zone's own NS records do not include the BuddyNS name servers");
    if (!delegation.masterOk) problems.push(`Delegation: BuddyNS cannot reach master ${delegation.master || buddyns?.master || '(none)'}`);
  }
  if (both && input.ns1TransferAddress && buddyns.master && buddyns.master !== input.ns1TransferAddress) {
    problems.push(`BuddyNS master ${buddyns.master} is not NS1's transfer address ${input.ns1TransferAddress}`);
  }
  const half = halfOfPair(input);
  if (half) problems.push(half);
  const unanswered = new Map((input.gaps ?? []).map((gap) => [`${gap.provider}: ${describeError(gap.error)}`, gap]));
  for (const gap of unanswered.values())
    problems.push(`${PROVIDER_NAME[gap.provider]} did not answer (${describeError(gap.error)}): this health is incomplete`);
  return { serialNs1, serialBuddyNs, serialsInSync, transferOk, delegationOk, problems, complete: unanswered.size === 0 };
}

/** An NS1-primary/BuddyNS-secondary pair with one half gone, e.g. after a write that was only partly applied. */
function halfOfPair({ onNs1, buddyns, ns1Primary, ns1TransferAddress, configured }: HealthInput): string | undefined {
  if (!configured?.ns1 || !configured.buddyns) return undefined;
  if (onNs1 && !buddyns && ns1Primary) {
    return 'NS1 is primary for this zone, but BuddyNS has no secondary for it: add it on BuddyNS (createZone with providers [BUDDYNS]) or stop NS1 transfers';
  }
  if (!onNs1 && buddyns && ns1TransferAddress && buddyns.master === ns1TransferAddress) {
    return `BuddyNS transfers this zone from NS1 (${ns1TransferAddress}), but NS1 does not have it: create it on NS1 or delete it from BuddyNS`;
  }
  return undefined;
}
