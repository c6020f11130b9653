import type { Permissions } from './model.js';

export function allPermissions(): Permissions {
  return {
    dns: { view_zones: true, manage_zones: true, zones_allow_by_default: true, zones_allow: [], zones_deny: [] },
    data: { push_to_datafeeds: true, manage_datasources: true, manage_datafeeds: true },
    account: {
      manage_users: true,
      manage_payment_methods: true,
      manage_plan: true,
      manage_teams: true,
      manage_apikeys: true,
      manage_account_settings: true,
      view_activity_log: true,
      view_invoices: true,
    },
    monitoring: { manage_lists: true, manage_jobs: true, view_jobs: true },
  };
}

export function readOnlyPermissions(): Permissions {
  const p = allPermissions();
  p.dns.manage_zones = false;
  p.data = { push_to_datafeeds: false, manage_datasources: false, manage_datafeeds: false };
  p.account = {
    ...p.account,
    manage_users: false,
    manage_payment_methods: false,
    manage_plan: false,
    manage_teams: false,
    manage_apikeys: false,
    manage_account_settings: false,
  };
  p.monitoring = { manage_lists: false, manage_jobs: false, view_jobs: true };
  return p;
}

export function dnsOnlyPermissions(zones: string[]): Permissions {
  const p = readOnlyPermissions();
  p.dns = { view_zones: true, manage_zones: true, zones_allow_by_default: false, zones_allow: zones, zones_deny: [] };
  p.account.view_activity_log = false;
  p.account.view_invoices = false;
  p.monitoring.view_jobs = false;
  return p;
}

/**
 * Fills a partial permission object from a request with the default NS1 documents: a flag left out is allowed
 * ("if any specific access right is omitted from permissions then it defaults to true").
 */
export function normalisePermissions(input: unknown): Permissions {
  const all = allPermissions();
  const given = (input && typeof input === 'object' ? input : {}) as Record<string, Record<string, unknown>>;
  for (const group of Object.keys(all) as Array<keyof Permissions>) {
    const target = all[group] as unknown as Record<string, unknown>;
    for (const [flag, value] of Object.entries(given[group] ?? {})) {
      if (flag in target) target[flag] = Array.isArray(target[flag]) ? (Array.isArray(value) ? value.map(String) : []) : Boolean(value);
    }
  }
  return all;
}
