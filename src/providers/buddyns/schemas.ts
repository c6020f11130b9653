import { domainToASCII } from 'node:url';
import { z } from 'zod';
import { toUnicodeDomain } from '../../domain/domain-name.js';

/** BuddyNS timestamps are ISO 8601 in UTC without a zone designator. */
const naiveUtc = z
  .string()
  .nullable()
  .optional()
  .transform((text, ctx) => {
    if (!text) return null;
    const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: 'custom', message: `"${text}" is not an ISO 8601 timestamp` });
      return z.NEVER;
    }
    return date;
  });

const names = (name: string, idn?: string) => {
  const ascii = idn || domainToASCII(name) || name;
  return { name: toUnicodeDomain(ascii), asciiName: ascii };
};

export const zoneSchema = z
  .object({
    name: z.string(),
    name_idn: z.string().optional(),
    serial: z.number().int().nullable().optional(),
    master: z.string().nullable().optional(),
    creation_ts: naiveUtc,
  })
  .transform((z) => ({ ...names(z.name, z.name_idn), serial: z.serial ?? null, master: z.master ?? '', createdAt: z.creation_ts }));

export const zoneListSchema = z.array(zoneSchema);

export const zoneStatusSchema = z
  .object({
    zone: z.string(),
    transfer_ok: z.boolean(),
    first_failure_ts: naiveUtc,
    last_failure_ts: naiveUtc,
    last_success_ts: naiveUtc,
  })
  .transform((s) => ({
    ...names(s.zone),
    transferOk: s.transfer_ok,
    firstFailureAt: s.first_failure_ts,
    lastFailureAt: s.last_failure_ts,
    lastSuccessAt: s.last_success_ts,
  }));

export const delegationSchema = z
  .object({
    zone: z.string(),
    master: z.string().nullable().optional(),
    master_ok: z.boolean(),
    registry_ok: z.boolean(),
    authority_ok: z.boolean(),
  })
  .transform((d) => ({
    ...names(d.zone),
    master: d.master ?? '',
    masterOk: d.master_ok,
    registryOk: d.registry_ok,
    authorityOk: d.authority_ok,
  }));

export const userSchema = z.object({ email: z.string() });

export const profileSchema = z
  .object({
    used_traffic: z.coerce.number(),
    estimated_traffic: z.coerce.number(),
    mobile_number: z.string().nullable().optional(),
    cpanel_integration: z.boolean(),
  })
  .transform((p) => ({
    usedTraffic: p.used_traffic,
    estimatedTraffic: p.estimated_traffic,
    mobileNumber: p.mobile_number ?? '',
    cpanelIntegration: p.cpanel_integration,
  }));

export const serviceSchema = z
  .object({
    account_type: z.string(),
    num_zones: z.coerce.number().int(),
    traffic_quota: z.coerce.number(),
    num_stats: z.coerce.number().int(),
  })
  .transform((s) => ({ accountType: s.account_type, numZones: s.num_zones, trafficQuota: s.traffic_quota, numStats: s.num_stats }));
