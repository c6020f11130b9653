import { createHash } from 'node:crypto';
import { json, SandboxHttpError, type Router, type SandboxRequest } from '../kit/index.js';
import { keyOf, require } from './auth.js';
import { registerCollection, slice } from './collection.js';
import { PAYMENT_METHODS } from './payment-methods.js';
import { textPdf } from './pdf.js';
import { currentPlan } from './plans.js';
import type { Ns1Context } from './state.js';

export interface Invoice {
  id: number;
  amount: string;
  status: 'paid' | 'due' | 'overdue';
  sent: number;
  due: number;
}

/** An amount as NS1 writes it ("2,400.00"), in cents, so sums stay exact. */
const cents = (amount: string) => Math.round(Number(amount.replace(/,/g, '')) * 100);
const money = (c: number) => (c / 100).toFixed(2);

const INVOICES: Invoice[] = [
  { id: 727, amount: '2,400.00', status: 'due', sent: 1_717_200_000, due: 1_719_792_000 },
  { id: 701, amount: '2,400.00', status: 'paid', sent: 1_714_521_600, due: 1_717_113_600 },
  { id: 655, amount: '1,187.35', status: 'paid', sent: 1_711_929_600, due: 1_714_521_600 },
  { id: 610, amount: '99.00', status: 'paid', sent: 1_709_251_200, due: 1_711_843_200 },
];

export function invoiceAuthToken(key: string, invoice: Invoice): string {
  return createHash('sha1').update(`${key}${invoice.id}${invoice.sent}`).digest('hex');
}

/** Whether a request downloads an invoice with the documented authtoken instead of the key header. */
export function invoiceTokenRequest(req: SandboxRequest): boolean {
  return req.method === 'GET' && /^\/account\/invoices\/[^/]+$/.test(req.path) && req.query.has('authtoken') && !req.headers['x-nsone-key'];
}

export function registerBilling(router: Router, ctx: Ns1Context): void {
  const invoice = (id: string | undefined) => {
    const found = INVOICES.find((i) => String(i.id) === id);
    if (!found) throw new SandboxHttpError(404, 'invoice not found');
    return found;
  };

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
    const current = currentPlan(ctx);
    const tiers = [1, 2, 3].map((tier) => [...ctx.state().records.values()].filter((r) => r.tier === tier).length);
    const tier = (records: number, name: 'static' | 'dynamic' | 'intelligent') => ({
      record_rate: current.overages[name].records,
      access_charge: current.access_charges[name],
      records,
      query_credit: current.included[name].queries,
      query_cost: '0.00',
      query_rate_per_million: current.overages[name].queries,
      queries: records * 1000,
      record_credit: current.included[name].records,
      record_cost: '0.00',
    });
    const byTier = { static: tier(tiers[0]!, 'static'), dynamic: tier(tiers[1]!, 'dynamic'), intelligent: tier(tiers[2]!, 'intelligent') };
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
    const recurring = current.recurring_cost;
    return json({
      plan: current.type,
      period: current.period,
      last_invoice: INVOICES[0]!.sent,
      next_invoice: INVOICES[0]!.sent + 30 * 86_400,
      next_base_invoice: INVOICES[0]!.sent + 30 * 86_400,
      recurring_cost: recurring,
      recurring_cost_next_invoice: recurring,
      any: { overage_order: current.overage_order, query_credit: current.included.any.queries, record_credit: current.included.any.records },
      ...byTier,
      totals,
      balance: current.balance,
      bill: money(cents(recurring) + charge('record_cost') + charge('query_cost') + charge('access_charge')),
    });
  });

  registerCollection(router, ctx, PAYMENT_METHODS);
}
