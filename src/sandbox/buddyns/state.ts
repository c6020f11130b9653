import { isIP } from 'node:net';
import type { SandboxClock } from '../kit/index.js';

export interface BuddyZone {
  ascii: string;
  unicode: string;
  master: string;
  serial: number | null;
  /** The serial the master currently serves: what a successful transfer brings over. */
  masterSerial: number;
  createdAt: number;
  transfer: { firstFailure?: number; lastFailure?: number; lastSuccess?: number };
  delegation: { registryOk: boolean; authorityOk: boolean };
}

export interface BuddyAccount {
  email: string;
  profile: { usedTraffic: number; estimatedTraffic: number; mobileNumber: string; cpanelIntegration: boolean };
  /** The plan's figures as the sandbox makes them up; BuddyNS documents the fields without their units. */
  service: { accountType: string; zoneAllowance: number; trafficQuota: number; numStats: number };
}

export interface BuddyState {
  zones: Map<string, BuddyZone>;
  account: BuddyAccount;
}

/**
 * Masters in TEST-NET-1 never answer, so a zone pointed at one shows failing transfers. A zone without a
 * master is transferred from the name servers its delegation names, as the documentation's examples show.
 */
export function masterReachable(master: string): boolean {
  return master === '' || (isIP(master) !== 0 && !master.startsWith('192.0.2.'));
}

const TRANSFER_DELAY_MS = 5_000;
const REFRESH_MS = 15 * 60_000;

/**
 * Moves every zone's transfer state forward to the clock's now: a reachable master is transferred from
 * a few seconds after the zone is added; an unreachable one fails at every refresh.
 */
export function advanceTransfers(state: BuddyState, clock: SandboxClock): void {
  const now = clock.now();
  for (const zone of state.zones.values()) {
    const firstAttempt = zone.createdAt + TRANSFER_DELAY_MS;
    if (now < firstAttempt) continue;
    if (masterReachable(zone.master)) {
      if (zone.serial === null) {
        zone.serial = zone.masterSerial;
        zone.transfer.lastSuccess = firstAttempt;
      }
      continue;
    }
    zone.transfer.firstFailure ??= firstAttempt;
    const attempts = Math.floor((now - zone.transfer.firstFailure) / REFRESH_MS);
    zone.transfer.lastFailure = Math.max(zone.transfer.lastFailure ?? 0, zone.transfer.firstFailure + attempts * REFRESH_MS);
  }
}

/** SyncNOW: a reachable master is transferred from at once. */
export function syncZone(zone: BuddyZone, clock: SandboxClock): void {
  if (!masterReachable(zone.master)) {
    zone.transfer.firstFailure ??= clock.now();
    zone.transfer.lastFailure = clock.now();
    return;
  }
  zone.serial = zone.masterSerial;
  zone.transfer.lastSuccess = clock.now();
}

export function transferOk(zone: BuddyZone): boolean {
  const { lastSuccess, lastFailure } = zone.transfer;
  if (lastSuccess === undefined) return false;
  return lastFailure === undefined || lastSuccess >= lastFailure;
}
