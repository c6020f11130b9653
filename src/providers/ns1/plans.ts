import { z } from 'zod';
import type { ProviderCalls } from '../provider-api.js';
import { defined, text } from './fields.js';

/*
 * A plan as NS1 documents it for GET /account/plantypes (an array of them), GET /account/plan and the answer to
 * POST /account/plan: prices as strings, what the plan includes per tier, overage rates, access charges and
 * monitoring limits. Every part may be missing from an answer; a missing part reads as nulls.
 */

/** A part of the plan that may be missing or null: read as empty, so each of its fields reads as null. */
const part = <T extends z.ZodRawShape>(shape: T) => z.preprocess((value) => value ?? {}, z.object(shape));

/** A number NS1 may leave out, such as `1e+07` queries. */
const limit = z.number().nullable().default(null);

/** Queries and records a plan includes, across all tiers (`any`) or in one. */
const allowance = part({ queries: limit, records: limit });

/** Prices beyond the allowance: per million queries and per record, as the bill at a glance applies them. */
const overageRates = part({ queries: text, records: text }).transform((o) => ({ queryRatePerMillion: o.queries, recordRate: o.records }));

const tiers = <S extends z.ZodType>(tier: S) => part({ static: tier, dynamic: tier, intelligent: tier });
const included = part({ any: allowance, static: allowance, dynamic: allowance, intelligent: allowance });
const monitoring = part({ jobs: limit, frequency: limit, regions: limit });

const planFields = {
  type: z.string(),
  period: z.string().nullish(),
  monthly_price: text,
  recurring_cost: text,
  discount: text,
  discount_type: z.string().nullish(),
  included,
  overage_order: z.string().nullish(),
  overages: tiers(overageRates),
  access_charges: tiers(text),
  monitoring,
};

const offer = (p: z.output<z.ZodObject<typeof planFields>>) => ({
  type: p.type,
  period: p.period ?? null,
  monthlyPrice: p.monthly_price,
  recurringCost: p.recurring_cost,
  discount: p.discount,
  discountType: p.discount_type ?? null,
  included: p.included,
  overageOrder: p.overage_order ?? null,
  overages: p.overages,
  accessCharges: p.access_charges,
  monitoring: p.monitoring,
});

const planTypeSchema = z.object(planFields).transform(offer);
const planTypesSchema = z.array(planTypeSchema);
const planSchema = z
  .object({ ...planFields, locked: z.boolean().nullish(), balance: text })
  .transform((p) => ({ ...offer(p), locked: p.locked ?? null, balance: p.balance }));
/** NS1 answers a change it takes as a request to review without a body. */
const planChangeSchema = z.union([planSchema, z.undefined().transform(() => null)]);

export type Ns1PlanType = z.output<typeof planTypeSchema>;
export type Ns1Plan = z.output<typeof planSchema>;
export type Ns1PlanAllowance = z.output<typeof allowance>;
export type Ns1PlanIncluded = Ns1PlanType['included'];
export type Ns1PlanOverageRates = z.output<typeof overageRates>;
export type Ns1PlanOverages = Ns1PlanType['overages'];
export type Ns1PlanAccessCharges = Ns1PlanType['accessCharges'];
export type Ns1PlanMonitoring = Ns1PlanType['monitoring'];

/** The self-service plans NS1 offers, one per type and period: GET /account/plantypes. */
export class Ns1PlanTypes {
  constructor(private readonly api: ProviderCalls) {}

  list(): Promise<Ns1PlanType[]> {
    return this.api.call({ method: 'GET', path: '/account/plantypes' }, planTypesSchema, 'plan types');
  }
}

/** The account's plan: /account/plan. */
export class Ns1PlanApi {
  constructor(private readonly api: ProviderCalls) {}

  get(): Promise<Ns1Plan> {
    return this.api.call({ method: 'GET', path: '/account/plan' }, planSchema, 'plan');
  }

  /**
   * A change of plan to a type and term (`monthly`, `quarterly`, `semiannual`, `annual`), with notes for a change
   * NS1 reviews. The plan NS1 now reports, or null when NS1 took the change as a request it has yet to review.
   */
  update(type: string, options: { period?: string; notes?: string } = {}): Promise<Ns1Plan | null> {
    const json = defined({ type, period: options.period, notes: options.notes });
    return this.api.call({ method: 'POST', path: '/account/plan', json }, planChangeSchema, 'plan');
  }
}
