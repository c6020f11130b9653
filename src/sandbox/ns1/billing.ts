import { createHash } from 'node:crypto';
import { json, SandboxHttpError, type Router, type SandboxRequest } from '../kit/index.js';
import { recordActivity } from './activity.js';
import { keyOf, require } from './auth.js';
import { body, collection, obj, registerCollection, slice, str, type CollectionSpec } from './collection.js';
import { textPdf } from './pdf.js';
import type { Ns1Context } from './state.js';

export interface Invoice {
  id: number;
  amount: string;
  status: 'paid' | 'due' | 'overdue';
  sent: number;
  due: number;
}

/** A payment method as NS1 documents it (GET /account/paymentmethods). */
export interface PaymentMethod {
  id: string;
  type: 'creditcard';
  default: boolean;
  cc_type: string;
  cc_number_last4: string;
  cc_expire_month: number;
  cc_expire_year: number;
  firstname?: string;
  lastname?: string;
  company?: string;
  phone?: string;
  address?: Record<string, string>;
}

export const PLAN_TYPES = {
  developer: { name: 'Developer', period: 'monthly', price: '0.00', record_credit: 50, query_credit: 500_000 },
  startup: { name: 'Startup', period: 'monthly', price: '99.00', record_credit: 500, query_credit: 10_000_000 },
  business: { name: 'Business', period: 'monthly', price: '2,400.00', record_credit: 5000, query_credit: 250_000_000 },
  enterprise: { name: 'Enterprise', period: 'yearly', price: '25,000.00', record_credit: 50_000, query_credit: 5_000_000_000 },
};

/** The terms a plan may be paid for. */
const PLAN_PERIODS = ['monthly', 'quarterly', 'semiannual', 'annual'];

/** An amount as NS1 writes it ("2,400.00"), in cents, so sums stay exact. */
const cents = (amount: string) => Math.round(Number(amount.replace(/,/g, '')) * 100);
const money = (c: number) => (c / 100).toFixed(2);

const INVOICES: Invoice[] = [
  { id: 727, amount: '2,400.00', status: 'due', sent: 1_717_200_000, due: 1_719_792_000 },
  { id: 701, amount: '2,400.00', status: 'paid', sent: 1_714_521_600, due: 1_717_113_600 },
  { id: 655, amount: '1,187.35', status: 'paid', sent: 1_711_929_600, due: 1_714_521_600 },
  { id: 610, amount: '99.00', status: 'paid', sent: 1_709_251_200, due: 1_711_843_200 },
];

export const PAYMENT_METHODS: CollectionSpec<PaymentMethod> = {
  slice: 'paymentMethods',
  path: '/account/paymentmethods',
  resourceType: 'payment_method',
  idOf: (p) => p.id,
  view: ['account', 'view_invoices'],
  manage: ['account', 'manage_payment_methods'],
  seed: () => [
    {
      id: '5a1b2c3d4e5f60718293a4b5',
      type: 'creditcard',
      default: true,
      cc_type: 'visa',
      cc_number_last4: '4242',
      cc_expire_month: 12,
      cc_expire_year: 2029,
      firstname: 'Demo',
      lastname: 'Example',
      company: 'dnsgraph demo account',
      address: { country: 'US', postalcode: '10005', state: 'NY', city: 'New York', street: '20 Example Street' },
    },
    {
      id: '5a1b2c3d4e5f60718293a4b6',
      type: 'creditcard',
      default: false,
      cc_type: 'mastercard',
      cc_number_last4: '4444',
      cc_expire_month: 6,
      cc_expire_year: 2028,
      firstname: 'Demo',
      lastname: 'Example',
    },
  ],
  create: (ctx, b) => {
    const number = str(b, 'cc_number', true)!.replace(/\s+/g, '');
    if (!/^\d{12,19}$/.test(number)) throw new SandboxHttpError(400, 'cc_number must be 12 to 19 digits');
    const month = Number(b.cc_expire_month);
    const year = Number(b.cc_expire_year);
    if (!Number.isInteger(month) || month < 1 || month > 12) throw new SandboxHttpError(400, 'cc_expire_month must be 1 to 12');
    if (!Number.isInteger(year) || year < new Date(ctx.clock.now()).getUTCFullYear()) throw new SandboxHttpError(400, 'the card has expired');
    const cvv = str(b, 'cc_cvv2');
    if (cvv !== undefined && !/^\d{3,4}$/.test(cvv)) throw new SandboxHttpError(400, 'cc_cvv2 must be 3 or 4 digits');
    const methods = collection(ctx, PAYMENT_METHODS);
    const becomesDefault = methods.size === 0 || b.default === true;
    if (becomesDefault) for (const other of methods.values()) other.default = false;
    const address = obj(b, 'address');
    return {
      id: ctx.state().ids.next(),
      type: 'creditcard',
      default: becomesDefault,
      cc_type: number.startsWith('4') ? 'visa' : number.startsWith('5') ? 'mastercard' : number.startsWith('3') ? 'amex' : 'card',
      cc_number_last4: number.slice(-4),
      cc_expire_month: month,
      cc_expire_year: year,
      ...optional({ firstname: str(b, 'firstname'), lastname: str(b, 'lastname'), company: str(b, 'company'), phone: str(b, 'phone') }),
      ...(address ? { address: Object.fromEntries(Object.entries(address).map(([k, v]) => [k, String(v)])) } : {}),
    };
  },
  // A POST with no body makes the method the default.
  update: (ctx, method) => {
    for (const other of collection(ctx, PAYMENT_METHODS).values()) other.default = false;
    method.default = true;
  },
  beforeDelete: (_ctx, method) => {
    if (method.default) throw new SandboxHttpError(400, 'the default payment method cannot be deleted');
  },
};

/** The fields that were given. */
function optional(fields: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

export function invoiceAuthToken(key: string, invoice: Invoice): string {
  return createHash('sha1').update(`${key}${invoice.id}${invoice.sent}`).digest('hex');
}

/** Whether a request downloads an invoice with the documented authtoken instead of the key header. */
export function invoiceTokenRequest(req: SandboxRequest): boolean {
  return req.method === 'GET' && /^\/account\/invoices\/[^/]+$/.test(req.path) && req.query.has('authtoken') && !req.headers['x-nsone-key'];
}

export function registerBilling(router: Router, ctx: Ns1Context): void {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- without it the seed widens to string and PLAN_TYPES[plan().type] stops type-checking
  const plan = () => slice(ctx, 'plan', () => ({ type: 'business' as keyof typeof PLAN_TYPES, period: 'monthly', since: 1_704_067_200 }));
  const invoice = (id: string | undefined) => {
    const found = INVOICES.find((i) => String(i.id) === id);
    if (!found) throw new SandboxHttpError(404, 'invoice not found');
    return found;
  };

  router.get('/account/plantypes', (req) => {
    keyOf(req, ctx.state());
    return json(PLAN_TYPES);
  });
  router.get('/account/plan', (req) => {
    keyOf(req, ctx.state());
    const current = plan();
    return json({ ...current, ...PLAN_TYPES[current.type], period: current.period });
  });
  router.post('/account/plan', (req) => {
    const key = keyOf(req, ctx.state());
    require(key, 'account', 'manage_plan');
    const b = body(req);
    const type = str(b, 'type', true)!;
    if (!(type in PLAN_TYPES)) throw new SandboxHttpError(400, `plan type ${type} does not exist`);
    const period = str(b, 'period');
    if (period !== undefined && !PLAN_PERIODS.includes(period)) throw new SandboxHttpError(400, `period must be one of ${PLAN_PERIODS.join(', ')}`);
    str(b, 'notes');
    const current = plan();
    current.type = type as keyof typeof PLAN_TYPES;
    current.period = period ?? PLAN_TYPES[current.type].period;
    current.since = ctx.clock.nowSeconds();
    recordActivity(ctx, key, 'update', 'plan', type);
    return json({ ...current, ...PLAN_TYPES[current.type], period: current.period });
  });

  router.get('/account/invoices', (req) => {
    require(keyOf(req, ctx.state()), 'account', 'view_invoices');
    return json(INVOICES);
  });
  router.get('/account/invoices/:id', (req) => {
    const found = invoice(req.params.id);
    if (invoiceTokenRequest(req)) {
      const token = req.query.get('authtoken');
      const valid = [...ctx.state().keys.values()].some((k) => k.permissions.account.view_invoices && invoiceAuthToken(k.key, found) === token);
      if (!valid) throw new SandboxHttpError(401, 'Unauthorized');
    } else {
      require(keyOf(req, ctx.state()), 'account', 'view_invoices');
    }
    const settings = slice(ctx, 'accountSettings', () => ({ company: 'dnsgraph demo account' }));
    const pdf = textPdf([
      `Invoice ${found.id}`,
      `${(settings as { company?: string }).company ?? ''}`,
      `Sent ${new Date(found.sent * 1000).toISOString().slice(0, 10)}, due ${new Date(found.due * 1000).toISOString().slice(0, 10)}`,
      `Amount USD ${found.amount} (${found.status})`,
    ]);
    return { status: 200, body: pdf, headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="invoice-${found.id}.pdf"` } };
  });

  router.get('/account/billataglance', (req) => {
    require(keyOf(req, ctx.state()), 'account', 'view_invoices');
    const current = plan();
    const tiers = [1, 2, 3].map((tier) => [...ctx.state().records.values()].filter((r) => r.tier === tier).length);
    const tier = (records: number, rate: string) => ({
      record_rate: rate,
      access_charge: '0.00',
      records,
      query_credit: 0,
      query_cost: '0.00',
      query_rate_per_million: rate,
      queries: records * 1000,
      record_credit: 0,
      record_cost: '0.00',
    });
    const byTier = { static: tier(tiers[0]!, '1'), dynamic: tier(tiers[1]!, '2'), intelligent: tier(tiers[2]!, '4') };
    const all = Object.values(byTier);
    const count = (field: 'records' | 'queries' | 'record_credit' | 'query_credit') => all.reduce((n, t) => n + t[field], 0);
    const charge = (field: 'record_cost' | 'query_cost' | 'access_charge') => all.reduce((c, t) => c + cents(t[field]), 0);
    const totals = {
      record_cost: money(charge('record_cost')),
      record_credit: count('record_credit'),
      queries: count('queries'),
      query_credit: count('query_credit'),
      records: count('records'),
      access_charge: money(charge('access_charge')),
      query_cost: money(charge('query_cost')),
    };
    const recurring = PLAN_TYPES[current.type].price;
    return json({
      plan: current.type,
      period: current.period,
      last_invoice: INVOICES[0]!.sent,
      next_invoice: INVOICES[0]!.sent + 30 * 86_400,
      next_base_invoice: INVOICES[0]!.sent + 30 * 86_400,
      recurring_cost: recurring,
      recurring_cost_next_invoice: recurring,
      any: { overage_order: 'ascending', query_credit: PLAN_TYPES[current.type].query_credit, record_credit: PLAN_TYPES[current.type].record_credit },
      ...byTier,
      totals,
      // What is owed now: the invoices not yet paid.
      balance: money(INVOICES.filter((i) => i.status !== 'paid').reduce((c, i) => c + cents(i.amount), 0)),
      bill: money(cents(recurring) + charge('record_cost') + charge('query_cost') + charge('access_charge')),
    });
  });

  registerCollection(router, ctx, PAYMENT_METHODS);
}
