import { z } from 'zod';
import type { Ns1Api } from './api.js';

export interface Ns1AccountSettings {
  customerId: number | null;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  phone: string | null;
  address: { street: string | null; city: string | null; state: string | null; postalCode: string | null; country: string | null };
}

export interface Ns1UsageWarning {
  sendWarnings: boolean;
  warning1: number;
  warning2: number;
}

export interface Ns1UsageWarnings {
  queries: Ns1UsageWarning;
  records: Ns1UsageWarning;
}

export interface Ns1PlanType {
  type: string;
  name: string | null;
  period: string | null;
  price: string | null;
  recordCredit: number | null;
  queryCredit: number | null;
}

export interface Ns1Plan extends Ns1PlanType {
  since: Date | null;
}

export interface Ns1BillTier {
  records: number;
  queries: number;
  recordRate: string | null;
  queryRatePerMillion: string | null;
  accessCharge: string | null;
  recordCost: string | null;
  queryCost: string | null;
  recordCredit: number | null;
  queryCredit: number | null;
}

export interface Ns1Bill {
  plan: string;
  period: string | null;
  lastInvoiceAt: Date | null;
  nextInvoiceAt: Date | null;
  recurringCost: string | null;
  recurringCostNextInvoice: string | null;
  queryCredit: number | null;
  recordCredit: number | null;
  tiers: { static: Ns1BillTier; dynamic: Ns1BillTier; intelligent: Ns1BillTier };
}

const text = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === null || v === undefined ? null : String(v)));

const settingsSchema = z
  .object({
    customerid: z.number().nullish(),
    email: z.string().nullish(),
    firstname: z.string().nullish(),
    lastname: z.string().nullish(),
    company: z.string().nullish(),
    phone: z.string().nullish(),
    address: z.object({ street: text, city: text, state: text, postalcode: text, country: text }).partial().nullish(),
  })
  .transform((s): Ns1AccountSettings => ({
    customerId: s.customerid ?? null,
    email: s.email ?? null,
    firstName: s.firstname ?? null,
    lastName: s.lastname ?? null,
    company: s.company ?? null,
    phone: s.phone ?? null,
    address: {
      street: s.address?.street ?? null,
      city: s.address?.city ?? null,
      state: s.address?.state ?? null,
      postalCode: s.address?.postalcode ?? null,
      country: s.address?.country ?? null,
    },
  }));

const warning = z
  .object({ send_warnings: z.boolean(), warning_1: z.number(), warning_2: z.number() })
  .transform((w): Ns1UsageWarning => ({ sendWarnings: w.send_warnings, warning1: w.warning_1, warning2: w.warning_2 }));
const warningsSchema = z.object({ queries: warning, records: warning });

const planFields = z.object({
  name: z.string().nullish(),
  period: z.string().nullish(),
  price: text,
  record_credit: z.number().nullish(),
  query_credit: z.number().nullish(),
});
const planTypesSchema = z.record(z.string(), planFields).transform((types) =>
  Object.entries(types).map(([type, p]): Ns1PlanType => ({
    type,
    name: p.name ?? null,
    period: p.period ?? null,
    price: p.price,
    recordCredit: p.record_credit ?? null,
    queryCredit: p.query_credit ?? null,
  })),
);
const planSchema = planFields.extend({ type: z.string(), since: z.number().nullish() }).transform((p): Ns1Plan => ({
  type: p.type,
  name: p.name ?? null,
  period: p.period ?? null,
  price: p.price,
  recordCredit: p.record_credit ?? null,
  queryCredit: p.query_credit ?? null,
  since: p.since ? new Date(p.since * 1000) : null,
}));

const tier = z
  .object({
    records: z.number().nullish(),
    queries: z.number().nullish(),
    record_rate: text,
    query_rate_per_million: text,
    access_charge: text,
    record_cost: text,
    query_cost: text,
    record_credit: z.number().nullish(),
    query_credit: z.number().nullish(),
  })
  .nullish()
  .transform((t): Ns1BillTier => ({
    records: t?.records ?? 0,
    queries: t?.queries ?? 0,
    recordRate: t?.record_rate ?? null,
    queryRatePerMillion: t?.query_rate_per_million ?? null,
    accessCharge: t?.access_charge ?? null,
    recordCost: t?.record_cost ?? null,
    queryCost: t?.query_cost ?? null,
    recordCredit: t?.record_credit ?? null,
    queryCredit: t?.query_credit ?? null,
  }));

const date = (s: number | null | undefined) => (s ? new Date(s * 1000) : null);

const billSchema = z
  .object({
    plan: z.string(),
    period: z.string().nullish(),
    last_invoice: z.number().nullish(),
    next_invoice: z.number().nullish(),
    recurring_cost: text,
    recurring_cost_next_invoice: text,
    any: z.object({ query_credit: z.number().nullish(), record_credit: z.number().nullish() }).passthrough().nullish(),
    static: tier,
    dynamic: tier,
    intelligent: tier,
  })
  .transform((b): Ns1Bill => ({
    plan: b.plan,
    period: b.period ?? null,
    lastInvoiceAt: date(b.last_invoice),
    nextInvoiceAt: date(b.next_invoice),
    recurringCost: b.recurring_cost,
    recurringCostNextInvoice: b.recurring_cost_next_invoice,
    queryCredit: b.any?.query_credit ?? null,
    recordCredit: b.any?.record_credit ?? null,
    tiers: { static: b.static, dynamic: b.dynamic, intelligent: b.intelligent },
  }));

export interface Ns1SettingsChange {
  email?: string;
  firstName?: string;
  lastName?: string;
  company?: string;
  phone?: string;
  address?: Partial<Ns1AccountSettings['address']>;
}

/** NS1 account-wide settings: contact details, overage warnings, plan and the bill at a glance. */
export class Ns1Account {
  constructor(private readonly api: Ns1Api) {}

  settings(): Promise<Ns1AccountSettings> {
    return this.api.call({ method: 'GET', path: '/account/settings' }, settingsSchema, 'account settings');
  }

  updateSettings(change: Ns1SettingsChange): Promise<Ns1AccountSettings> {
    const address = change.address
      ? Object.fromEntries(
          Object.entries({
            street: change.address.street,
            city: change.address.city,
            state: change.address.state,
            postalcode: change.address.postalCode,
            country: change.address.country,
          }).filter(([, v]) => v !== undefined && v !== null),
        )
      : undefined;
    const json = Object.fromEntries(
      Object.entries({
        email: change.email,
        firstname: change.firstName,
        lastname: change.lastName,
        company: change.company,
        phone: change.phone,
        address,
      }).filter(([, v]) => v !== undefined),
    );
    return this.api.call({ method: 'POST', path: '/account/settings', json }, settingsSchema, 'account settings');
  }

  usageWarnings(): Promise<Ns1UsageWarnings> {
    return this.api.call({ method: 'GET', path: '/account/usagewarnings' }, warningsSchema, 'usage warnings');
  }

  updateUsageWarnings(change: { queries?: Partial<Ns1UsageWarning>; records?: Partial<Ns1UsageWarning> }): Promise<Ns1UsageWarnings> {
    const body = (w: Partial<Ns1UsageWarning> | undefined) =>
      w &&
      Object.fromEntries(Object.entries({ send_warnings: w.sendWarnings, warning_1: w.warning1, warning_2: w.warning2 }).filter(([, v]) => v !== undefined));
    const json = Object.fromEntries(Object.entries({ queries: body(change.queries), records: body(change.records) }).filter(([, v]) => v !== undefined));
    return this.api.call({ method: 'POST', path: '/account/usagewarnings', json }, warningsSchema, 'usage warnings');
  }

  planTypes(): Promise<Ns1PlanType[]> {
    return this.api.call({ method: 'GET', path: '/account/plantypes' }, planTypesSchema, 'plan types');
  }

  plan(): Promise<Ns1Plan> {
    return this.api.call({ method: 'GET', path: '/account/plan' }, planSchema, 'plan');
  }

  changePlan(type: string): Promise<Ns1Plan> {
    return this.api.call({ method: 'POST', path: '/account/plan', json: { type } }, planSchema, 'plan');
  }

  bill(): Promise<Ns1Bill> {
    return this.api.call({ method: 'GET', path: '/account/billataglance' }, billSchema, 'bill at a glance');
  }
}
