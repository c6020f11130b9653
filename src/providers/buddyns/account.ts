import { z } from 'zod';
import type { ProviderCalls } from '../provider-api.js';

const userSchema = z.object({ email: z.string() });

const profileSchema = z
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

const serviceSchema = z
  .object({
    account_type: z.string(),
    num_zones: z.coerce.number().int(),
    traffic_quota: z.coerce.number(),
    num_stats: z.coerce.number().int(),
  })
  .transform((s) => ({ accountType: s.account_type, numZones: s.num_zones, trafficQuota: s.traffic_quota, numStats: s.num_stats }));

export type BuddyNsUser = z.output<typeof userSchema>;
export type BuddyNsProfile = z.output<typeof profileSchema>;
export type BuddyNsService = z.output<typeof serviceSchema>;

export interface BuddyNsProfileChange {
  mobileNumber?: string;
  cpanelIntegration?: boolean;
}

/** The profile's writable settings, all of them: what a PUT replaces. */
export type BuddyNsProfileSettings = Required<BuddyNsProfileChange>;

/** Whatever the PUT answers: the documentation promises nothing of it, so the profile is read again. */
const anyAnswer = z.unknown();

/** GET /user/ */
export class BuddyNsUserApi {
  constructor(private readonly api: ProviderCalls) {}

  get(): Promise<BuddyNsUser> {
    return this.api.call({ method: 'GET', path: '/user/' }, userSchema, 'user');
  }
}

/** /user/profile/: traffic used and expected, contact and cPanel settings. */
export class BuddyNsProfileApi {
  constructor(private readonly api: ProviderCalls) {}

  get(): Promise<BuddyNsProfile> {
    return this.api.call({ method: 'GET', path: '/user/profile/' }, profileSchema, 'profile');
  }

  /**
   * PUT /user/profile/ with every writable field: a form-encoded PUT replaces the settings, and one left out
   * would be reset (an unchecked box is false) or refused as required.
   */
  async replace(settings: BuddyNsProfileSettings): Promise<void> {
    const form = { mobile_number: settings.mobileNumber, cpanel_integration: String(settings.cpanelIntegration) };
    await this.api.call({ method: 'PUT', path: '/user/profile/', form }, anyAnswer, 'profile');
  }
}

/** GET /service/: the account's plan and quotas. */
export class BuddyNsServiceApi {
  constructor(private readonly api: ProviderCalls) {}

  get(): Promise<BuddyNsService> {
    return this.api.call({ method: 'GET', path: '/service/' }, serviceSchema, 'service');
  }
}
