export type RecordType = 'A' | 'AAAA' | 'ALIAS' | 'AFSDB' | 'CERT' | 'CNAME' | 'DNAME' | 'HINFO' | 'MX' | 'NAPTR' | 'NS' | 'PTR' | 'RP' | 'SPF' | 'SRV' | 'TXT';

export const RECORD_TYPES: readonly RecordType[] = [
  'A',
  'AAAA',
  'ALIAS',
  'AFSDB',
  'CERT',
  'CNAME',
  'DNAME',
  'HINFO',
  'MX',
  'NAPTR',
  'NS',
  'PTR',
  'RP',
  'SPF',
  'SRV',
  'TXT',
];

export interface FeedPointer {
  source: string;
  feed: string;
}

export interface Answer {
  id: string;
  answer: Array<string | number>;
  region?: string;
  meta?: Record<string, unknown>;
  feeds?: FeedPointer[];
}

export interface Filter {
  filter: string;
  config: Record<string, unknown>;
  disabled?: boolean;
}

export interface DnsRecord {
  id: string;
  zone: string;
  domain: string;
  type: RecordType;
  ttl: number;
  tier: number;
  answers: Answer[];
  regions: Record<string, { meta: Record<string, unknown> }>;
  meta: Record<string, unknown>;
  filters: Filter[];
  link?: string;
  use_client_subnet: boolean;
  networks: number[];
}

export interface SecondaryServer {
  ip: string;
  port: number;
  notify: boolean;
  networks?: number[];
}

export interface Zone {
  id: string;
  zone: string;
  ttl: number;
  nx_ttl: number;
  retry: number;
  refresh: number;
  expiry: number;
  hostmaster: string;
  serial: number;
  dns_servers: string[];
  networks: number[];
  network_pools: string[];
  meta: Record<string, unknown>;
  primary: { enabled: boolean; secondaries: SecondaryServer[] };
  secondary?: {
    enabled: boolean;
    primary_ip: string;
    primary_port: number;
    tsig?: { enabled: boolean; hash?: string; name?: string; key?: string };
    status?: string;
    last_xfr?: number;
    expired?: boolean;
  };
  link?: string;
}

export interface Permissions {
  dns: { view_zones: boolean; manage_zones: boolean; zones_allow_by_default: boolean; zones_allow: string[]; zones_deny: string[] };
  data: { push_to_datafeeds: boolean; manage_datasources: boolean; manage_datafeeds: boolean };
  account: {
    manage_users: boolean;
    manage_payment_methods: boolean;
    manage_plan: boolean;
    manage_teams: boolean;
    manage_apikeys: boolean;
    manage_account_settings: boolean;
    view_activity_log: boolean;
    view_invoices: boolean;
  };
  monitoring: { manage_lists: boolean; manage_jobs: boolean; view_jobs: boolean };
}

export interface ApiKey {
  id: string;
  name: string;
  key: string;
  teams: string[];
  permissions: Permissions;
  last_access?: number;
  ip_whitelist?: string[];
  ip_whitelist_strict?: boolean;
}

export const recordKey = (zone: string, domain: string, type: string): string => `${zone}|${domain}|${type}`;
