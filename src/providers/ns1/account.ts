import { z } from 'zod';
import type { ProviderCalls } from '../provider-api.js';
import { addressBody, addressSchema, defined, text, unixDate } from './fields.js';

const settingsSchema = z
  .object({
    customerid: z.number().nullish(),
    email: z.string().nullish(),
    firstname: z.string().nullish(),
    lastname: z.string().nullish(),
    company: z.string().nullish(),
    phone: z.string().nullish(),
    address: addressSchema,
  })
  .transform((s) => ({
    customerId: s.customerid ?? null,
    email: s.email ?? null,
    firstName: s.firstname ?? null,
    lastName: s.lastname ?? null,
    company: s.company ?? null,
    phone: s.phone ?? null,
    address: s.address,
  }));

const warning = z
  .object({ send_warnings: z.boolean(), warning_1: z.number(), warning_2: z.number() })
  .transform((w) => ({ sendWarnings: w.send_warnings, warning1: w.warning_1, warning2: w.warning_2 }));
const warningsSchema = z.object({ queries: warning, records: warning });

const tierFields = z.object({
  records: z.number().nullish(),
  queries: z.number().nullish(),
  record_rate: text,
  query_rate_per_million: text,
  access_charge: text,
  record_cost: text,
  query_cost: text,
  record_credit: z.number().nullish(),
  query_credit: z.number().nullish(),
});
const toTier = (t: z.output<typeof tierFields> | null | undefined) => ({
  records: t?.records ?? 0,
  queries: t?.queries ?? 0,
  recordRate: t?.record_rate ?? null,
  queryRatePerMillion: t?.query_rate_per_million ?? null,
  accessCharge: t?.access_charge ?? null,
  recordCost: t?.record_cost ?? null,
  queryCost: t?.query_cost ?? null,
  recordCredit: t?.record_credit ?? null,
  queryCredit: t?.query_credit ?? null,
});
const tier = tierFields.nullish().transform(toTier);

const billSchema = z
  .object({
    plan: z.string(),
    period: z.string().nullish(),
    last_invoice: unixDate,
    next_invoice: unixDate,
    next_base_invoice: unixDate,
    recurring_cost: text,
    recurring_cost_next_invoice: text,
    any: z.object({ overage_order: z.string().nullish(), query_credit: z.number().nullish(), record_credit: z.number().nullish() }).passthrough().nullish(),
    static: tier,
    dynamic: tier,
    intelligent: tier,
    /** The tiers together: counts, credits and costs, without rates. */
    totals: tierFields.nullish().transform((t) => (t ? toTier(t) : null)),
    balance: text,
    bill: text,
  })
  .transform((b) => ({
    plan: b.plan,
    period: b.period ?? null,
    lastInvoiceAt: b.last_invoice,
    nextInvoiceAt: b.next_invoice,
    nextBaseInvoiceAt: b.next_base_invoice,
    recurringCost: b.recurring_cost,
    recurringCostNextInvoice: b.recurring_cost_next_invoice,
    overageOrder: b.any?.overage_order ?? null,
    queryCredit: b.any?.query_credit ?? null,
    recordCredit: b.any?.record_credit ?? null,
    tiers: { static: b.static, dynamic: b.dynamic, intelligent: b.intelligent },
    totals: b.totals,
    balance: b.balance,
    bill: b.bill,
  }));

export type Ns1AccountSettings = z.output<typeof settingsSchema>;
export type Ns1UsageWarning = z.output<typeof warning>;
export type Ns1UsageWarnings = z.output<typeof warningsSchema>;
export type Ns1BillTier = z.output<typeof tier>;
export type Ns1Bill = z.output<typeof billSchema>;

export interface Ns1SettingsChange {
  email?: string;
  firstName?: string;
  lastName?: string;
  company?: string;
  phone?: string;
  address?: Partial<Ns1AccountSettings['address']>;
}

/** NS1 account contact details: /account/settings. */
export class Ns1AccountSettingsApi {
  constructor(private readonly api: ProviderCalls) {}

  get(): Promise<Ns1AccountSettings> {
    return this.api.call({ method: 'GET', path: '/account/settings' }, settingsSchema, 'account settings');
  }

  update(change: Ns1SettingsChange): Promise<Ns1AccountSettings> {
    const address = change.address ? addressBody(change.address) : undefined;
    const json = defined({
      email: change.email,
      firstname: change.firstName,
      lastname: change.lastName,
      company: change.company,
      phone: change.phone,
      address,
    });
    return this.api.call({ method: 'POST', path: '/account/settings', json }, settingsSchema, 'account settings');
  }
}

/** NS1 overage warnings: /account/usagewarnings. */
export class Ns1UsageWarningsApi {
  constructor(private readonly api: ProviderCalls) {}

  get(): Promise<Ns1UsageWarnings> {
    return this.api.call({ method: 'GET', path: '/account/usagewarnings' }, warningsSchema, 'usage warnings');
  }

  update(change: { queries?: Partial<Ns1UsageWarning>; records?: Partial<Ns1UsageWarning> }): Promise<Ns1UsageWarnings> {
    const body = (w: Partial<Ns1UsageWarning> | undefined) => w && defined({ send_warnings: w.sendWarnings, warning_1: w.warning1, warning_2: w.warning2 });
    const json = defined({ queries: body(change.queries), records: body(change.records) });
    return this.api.call({ method: 'POST', path: '/account/usagewarnings', json }, warningsSchema, 'usage warnings');
  }
}

/** The bill at a glance: GET /account/billataglance. */
export class Ns1BillApi {
  constructor(private readonly api: ProviderCalls) {}

  get(): Promise<Ns1Bill> {
    return this.api.call({ method: 'GET', path: '/account/billataglance' }, billSchema, 'bill at a glance');
  }
}
