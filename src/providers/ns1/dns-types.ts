import type { RecordTypeName } from '../../domain/record-types.js';

export type { RecordTypeName };

export interface Ns1SecondaryServer {
  ip: string;
  port: number;
  notify: boolean;
  networks: number[];
}

export interface Ns1ZoneSummary {
  id: string;
  /** ASCII form as NS1 stores it. */
  asciiName: string;
  name: string;
  ttl: number | null;
  refresh: number | null;
  retry: number | null;
  expiry: number | null;
  nxTtl: number | null;
  hostmaster: string | null;
  serial: number | null;
  dnsServers: string[];
  networks: number[];
  networkPools: string[];
  link: string | null;
  primary: { enabled: boolean; secondaries: Ns1SecondaryServer[] } | null;
  secondary: {
    enabled: boolean;
    primaryIp: string | null;
    primaryPort: number | null;
    tsig: Record<string, unknown> | null;
    status: string | null;
    lastTransferAt: Date | null;
    expired: boolean | null;
  } | null;
  meta: Record<string, unknown>;
}

export interface Ns1RecordSummary {
  id: string;
  zone: string;
  domain: string;
  type: RecordTypeName;
  ttl: number | null;
  tier: number | null;
  shortAnswers: string[];
  link: string | null;
}

export interface Ns1ZoneDetail extends Ns1ZoneSummary {
  records: Ns1RecordSummary[];
}

export interface Ns1FeedPointer {
  source: string;
  feed: string;
}

export interface Ns1Answer {
  id: string | null;
  rdata: string[];
  region: string | null;
  meta: Record<string, unknown>;
  feeds: Ns1FeedPointer[];
}

export interface Ns1Record extends Ns1RecordSummary {
  answers: Ns1Answer[];
  regions: Array<{ name: string; meta: Record<string, unknown> }>;
  filters: Array<{ filter: string; config: Record<string, unknown>; disabled: boolean | null }>;
  meta: Record<string, unknown>;
  useClientSubnet: boolean | null;
  networks: number[];
}

export interface Ns1ZoneWrite {
  ttl?: number;
  refresh?: number;
  retry?: number;
  expiry?: number;
  nxTtl?: number;
  hostmaster?: string;
  link?: string;
  networks?: number[];
  primary?: { enabled: boolean; secondaries: Array<{ ip: string; port?: number; notify?: boolean }> };
  secondary?: { enabled: boolean; primaryIp: string; primaryPort?: number };
  meta?: Record<string, unknown>;
}

export interface Ns1RecordWrite {
  ttl?: number;
  answers?: Array<{ rdata: Array<string | number>; region?: string; meta?: Record<string, unknown> }>;
  link?: string;
  regions?: Array<{ name: string; meta?: Record<string, unknown> }>;
  filters?: Array<{ filter: string; config?: Record<string, unknown>; disabled?: boolean }>;
  meta?: Record<string, unknown>;
  useClientSubnet?: boolean;
}

export type Ns1StatsPeriod = '1h' | '24h' | '30d';

export interface Ns1UsageStats {
  period: string;
  zone: string | null;
  domain: string | null;
  recordType: string | null;
  records: number | null;
  queries: number;
  recordsByTier: number[] | null;
  queriesByTier: number[] | null;
  graph: Array<{ at: Date; queries: number }>;
}
