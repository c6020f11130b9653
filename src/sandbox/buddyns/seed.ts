import { parseNaiveIso } from './names.js';
import type { BuddyState, BuddyZone } from './state.js';

export const NS1_TRANSFER_MASTER = '198.51.100.53';

export interface ZoneSeed {
  name: string;
  master?: string;
  serial?: number | null;
  masterSerial?: number;
  createdAt?: string;
  registryOk?: boolean;
  authorityOk?: boolean;
  firstFailure?: string;
  lastFailure?: string;
  lastSuccess?: string;
}

const DEMO_ZONES: ZoneSeed[] = [
  { name: 'example.com', master: NS1_TRANSFER_MASTER, serial: 2024010105, createdAt: '2023-11-06T19:39:38.205', lastSuccess: '2024-01-01T12:00:00.000' },
  {
    name: 'bücher.de',
    master: NS1_TRANSFER_MASTER,
    serial: 2024010101,
    masterSerial: 2024010105,
    createdAt: '2012-06-06T19:53:07.269',
    firstFailure: '2013-08-20T14:36:31.808',
    lastFailure: '2013-08-20T14:36:31.808',
    lastSuccess: '2024-01-01T08:00:00.000',
  },
  {
    name: 'lame-delegation.org',
    master: NS1_TRANSFER_MASTER,
    serial: 2024020201,
    createdAt: '2024-02-02T10:00:00.000',
    registryOk: false,
    authorityOk: false,
    lastSuccess: '2024-02-02T10:05:00.000',
  },
  {
    name: 'broken-transfer.net',
    master: '192.0.2.1',
    serial: 2024022801,
    createdAt: '2023-05-01T09:00:00.000',
    firstFailure: '2024-03-01T08:00:00.000',
    lastSuccess: '2024-02-28T23:00:00.000',
  },
  { name: 'buddy-only.io', master: '203.0.113.10', serial: 2024050101, createdAt: '2024-05-01T07:30:00.000', lastSuccess: '2024-05-01T07:35:00.000' },
];

export function zoneFromSeed(seed: ZoneSeed, names: { ascii: string; unicode: string }, now: number): BuddyZone {
  const serial = seed.serial === undefined ? null : seed.serial;
  return {
    ...names,
    master: seed.master ?? '',
    serial,
    masterSerial: seed.masterSerial ?? serial ?? Number(new Date(now).toISOString().slice(0, 10).replace(/-/g, '')) * 100 + 1,
    createdAt: seed.createdAt ? parseNaiveIso(seed.createdAt) : now,
    transfer: {
      ...(seed.firstFailure ? { firstFailure: parseNaiveIso(seed.firstFailure) } : {}),
      ...(seed.lastFailure ? { lastFailure: parseNaiveIso(seed.lastFailure) } : {}),
      ...(seed.lastSuccess ? { lastSuccess: parseNaiveIso(seed.lastSuccess) } : serial !== null ? { lastSuccess: now } : {}),
    },
    delegation: { registryOk: seed.registryOk ?? true, authorityOk: seed.authorityOk ?? true },
  };
}

export function demoSeed(): ZoneSeed[] {
  return DEMO_ZONES.map((z) => ({ ...z }));
}

export function demoAccount(email: string): BuddyState['account'] {
  return {
    email,
    profile: { usedTraffic: 1_843_200, estimatedTraffic: 2_500_000, mobileNumber: '+1 555 010 0000', cpanelIntegration: false },
    service: { accountType: 'paid', zoneAllowance: 50, trafficQuota: 3_000, numStats: 30 },
  };
}
