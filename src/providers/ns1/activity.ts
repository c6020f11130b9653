import { z } from 'zod';
import type { ProviderCalls } from '../provider-api.js';
import { seconds } from './fields.js';

const entrySchema = z
  .object({
    id: z.string(),
    timestamp: z.number(),
    user_id: z.string().nullish(),
    user_name: z.string().nullish(),
    user_type: z.string().nullish(),
    resource_id: z.string().nullish(),
    resource_type: z.string().nullish(),
    action: z.string(),
    resource: z.record(z.string(), z.unknown()).nullish(),
  })
  .transform((e) => ({
    id: e.id,
    at: new Date(e.timestamp * 1000),
    userId: e.user_id ?? null,
    userName: e.user_name ?? null,
    userType: e.user_type ?? null,
    resourceId: e.resource_id ?? null,
    resourceType: e.resource_type ?? null,
    action: e.action,
    resource: e.resource ?? null,
  }));

export type Ns1ActivityEntry = z.output<typeof entrySchema>;

export interface ActivityFilter {
  limit?: number;
  start?: Date;
  end?: Date;
  resourceType?: string;
  user?: string;
  resourceId?: string;
}

const entryListSchema = z.array(entrySchema);

/** NS1 account activity log: GET /account/activity. */
export class Ns1Activity {
  constructor(private readonly api: ProviderCalls) {}

  list(filter: ActivityFilter = {}): Promise<Ns1ActivityEntry[]> {
    return this.api.call(
      {
        method: 'GET',
        path: '/account/activity',
        query: {
          limit: filter.limit,
          start: seconds(filter.start),
          end: seconds(filter.end),
          resource_type: filter.resourceType,
          user: filter.user,
          resource_id: filter.resourceId,
        },
      },
      entryListSchema,
      'activity log',
    );
  }
}
