/** A zone as BuddyNS serves it as secondary. */
export interface BuddyNsZone {
  /** Unicode form, e.g. "bücher.de". */
  name: string;
  /** ASCII (punycode) form, e.g. "xn--bcher-kva.de". */
  asciiName: string;
  serial: number | null;
  /** IPv4 or IPv6 of the master, "" when none. */
  master: string;
  createdAt: Date | null;
}

export interface BuddyNsZoneStatus {
  name: string;
  asciiName: string;
  transferOk: boolean;
  firstFailureAt: Date | null;
  lastFailureAt: Date | null;
  lastSuccessAt: Date | null;
}

export interface BuddyNsDelegation {
  name: string;
  asciiName: string;
  master: string;
  masterOk: boolean;
  registryOk: boolean;
  authorityOk: boolean;
}

export interface BuddyNsUser {
  email: string;
}

export interface BuddyNsProfile {
  usedTraffic: number;
  estimatedTraffic: number;
  mobileNumber: string;
  cpanelIntegration: boolean;
}

export interface BuddyNsProfileChange {
  mobileNumber?: string;
  cpanelIntegration?: boolean;
}

export interface BuddyNsService {
  accountType: string;
  numZones: number;
  trafficQuota: number;
  numStats: number;
}
