import { z } from 'zod';

const flags = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.boolean().nullish()])) as unknown as Record<K, z.ZodOptional<z.ZodNullable<z.ZodBoolean>>>).partial();

/**
 * NS1's permission sets (of users, API keys and teams), read into camelCase with every flag present. A flag NS1
 * leaves out is allowed, as its documentation says ("if any specific access right is omitted … it defaults to true").
 */
export const permissionsSchema = z
  .object({
    dns: flags(['view_zones', 'manage_zones', 'zones_allow_by_default'] as const)
      .extend({ zones_allow: z.array(z.string()).nullish(), zones_deny: z.array(z.string()).nullish() })
      .nullish(),
    data: flags(['push_to_datafeeds', 'manage_datasources', 'manage_datafeeds'] as const).nullish(),
    account: flags([
      'manage_users',
      'manage_payment_methods',
      'manage_plan',
      'manage_teams',
      'manage_apikeys',
      'manage_account_settings',
      'view_activity_log',
      'view_invoices',
    ] as const).nullish(),
    monitoring: flags(['manage_lists', 'manage_jobs', 'view_jobs'] as const).nullish(),
  })
  .nullish()
  .transform((p) => ({
    dns: {
      viewZones: p?.dns?.view_zones ?? true,
      manageZones: p?.dns?.manage_zones ?? true,
      zonesAllowByDefault: p?.dns?.zones_allow_by_default ?? true,
      zonesAllow: p?.dns?.zones_allow ?? [],
      zonesDeny: p?.dns?.zones_deny ?? [],
    },
    data: {
      pushToDatafeeds: p?.data?.push_to_datafeeds ?? true,
      manageDatasources: p?.data?.manage_datasources ?? true,
      manageDatafeeds: p?.data?.manage_datafeeds ?? true,
    },
    account: {
      manageUsers: p?.account?.manage_users ?? true,
      managePaymentMethods: p?.account?.manage_payment_methods ?? true,
      managePlan: p?.account?.manage_plan ?? true,
      manageTeams: p?.account?.manage_teams ?? true,
      manageApikeys: p?.account?.manage_apikeys ?? true,
      manageAccountSettings: p?.account?.manage_account_settings ?? true,
      viewActivityLog: p?.account?.view_activity_log ?? true,
      viewInvoices: p?.account?.view_invoices ?? true,
    },
    monitoring: {
      manageLists: p?.monitoring?.manage_lists ?? true,
      manageJobs: p?.monitoring?.manage_jobs ?? true,
      viewJobs: p?.monitoring?.view_jobs ?? true,
    },
  }));

export type Ns1Permissions = z.output<typeof permissionsSchema>;

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] };

/** The request body form of a permission set (snake_case, only what is given). */
export function permissionsBody(p: DeepPartial<Ns1Permissions>): Record<string, Record<string, unknown>> {
  const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const out: Record<string, Record<string, unknown>> = {};
  for (const [group, values] of Object.entries(p)) {
    if (!values) continue;
    out[group] = Object.fromEntries(
      Object.entries(values)
        .filter(([, v]) => v !== undefined && v !== null)
        .map(([k, v]) => [snake(k), v]),
    );
  }
  return out;
}

/** A permission set that grants nothing: what a new user, key or team starts from, every flag sent explicitly. */
export function noPermissions(): Ns1Permissions {
  return {
    dns: { viewZones: false, manageZones: false, zonesAllowByDefault: false, zonesAllow: [], zonesDeny: [] },
    data: { pushToDatafeeds: false, manageDatasources: false, manageDatafeeds: false },
    account: {
      manageUsers: false,
      managePaymentMethods: false,
      managePlan: false,
      manageTeams: false,
      manageApikeys: false,
      manageAccountSettings: false,
      viewActivityLog: false,
      viewInvoices: false,
    },
    monitoring: { manageLists: false, manageJobs: false, viewJobs: false },
  };
}
