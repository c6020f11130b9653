import type { Ns1Bill, Ns1BillTier, Ns1Plan, Ns1PlanType } from '../providers/ns1/account.js';
import type { Ns1Invoice, Ns1PaymentMethod } from '../providers/ns1/billing.js';
import { toDecimal } from '../domain/decimal.js';
import { invoiceAmount, invoiceDownloadUrl } from '../resolvers/account.js';
import { builder } from './builder.js';

const money = (value: string | null) => (value === null ? null : (toDecimal(value) ?? null));

export const InvoiceRef = builder.objectRef<Ns1Invoice>('Invoice').implement({
  description: 'An NS1 invoice.',
  fields: (t) => ({
    id: t.exposeID('id'),
    amount: t.field({ type: 'Decimal', description: 'Exact, e.g. "2400.00" for NS1’s "2,400.00".', resolve: (i) => invoiceAmount(i) }),
    status: t.exposeString('status'),
    sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true }),
    dueAt: t.expose('dueAt', { type: 'DateTime', nullable: true }),
    downloadUrl: t.string({ description: 'The PDF, authenticated by the documented sha1 authtoken: a browser can open it without the key.', resolve: (i, _a, ctx) => invoiceDownloadUrl(ctx, i) }),
  }),
});

export const PaymentMethodRef = builder.objectRef<Ns1PaymentMethod>('PaymentMethod').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    type: t.exposeString('type'),
    isDefault: t.exposeBoolean('isDefault'),
    brand: t.exposeString('brand', { nullable: true }),
    last4: t.exposeString('last4', { nullable: true }),
    expMonth: t.exposeInt('expMonth', { nullable: true }),
    expYear: t.exposeInt('expYear', { nullable: true }),
    name: t.exposeString('name', { nullable: true }),
  }),
});

type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

const planTypeFields = (t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Ns1PlanType>) => ({
  type: t.exposeString('type'),
  name: t.exposeString('name', { nullable: true }),
  period: t.exposeString('period', { nullable: true }),
  price: t.field({ type: 'Decimal', nullable: true, resolve: (p) => money(p.price) }),
  recordCredit: t.exposeFloat('recordCredit', { nullable: true }),
  queryCredit: t.exposeFloat('queryCredit', { nullable: true }),
});

export const PlanTypeRef = builder.objectRef<Ns1PlanType>('PlanType').implement({ fields: planTypeFields });

export const PlanRef = builder.objectRef<Ns1Plan>('Plan').implement({
  fields: (t) => ({
    ...planTypeFields(t),
    since: t.expose('since', { type: 'DateTime', nullable: true }),
  }),
});

const BillTierRef = builder.objectRef<Ns1BillTier>('BillTier').implement({
  fields: (t) => ({
    records: t.exposeInt('records'),
    queries: t.exposeFloat('queries'),
    recordRate: t.field({ type: 'Decimal', nullable: true, resolve: (b) => money(b.recordRate) }),
    queryRatePerMillion: t.field({ type: 'Decimal', nullable: true, resolve: (b) => money(b.queryRatePerMillion) }),
    accessCharge: t.field({ type: 'Decimal', nullable: true, resolve: (b) => money(b.accessCharge) }),
    recordCost: t.field({ type: 'Decimal', nullable: true, resolve: (b) => money(b.recordCost) }),
    queryCost: t.field({ type: 'Decimal', nullable: true, resolve: (b) => money(b.queryCost) }),
    recordCredit: t.exposeFloat('recordCredit', { nullable: true }),
    queryCredit: t.exposeFloat('queryCredit', { nullable: true }),
  }),
});

export const BillRef = builder.objectRef<Ns1Bill>('Bill').implement({
  description: 'Usage and charges of the next invoice (NS1 "bill at a glance").',
  fields: (t) => ({
    plan: t.exposeString('plan'),
    period: t.exposeString('period', { nullable: true }),
    lastInvoiceAt: t.expose('lastInvoiceAt', { type: 'DateTime', nullable: true }),
    nextInvoiceAt: t.expose('nextInvoiceAt', { type: 'DateTime', nullable: true }),
    recurringCost: t.field({ type: 'Decimal', nullable: true, resolve: (b) => money(b.recurringCost) }),
    recurringCostNextInvoice: t.field({ type: 'Decimal', nullable: true, resolve: (b) => money(b.recurringCostNextInvoice) }),
    queryCredit: t.exposeFloat('queryCredit', { nullable: true }),
    recordCredit: t.exposeFloat('recordCredit', { nullable: true }),
    static: t.field({ type: BillTierRef, resolve: (b) => b.tiers.static }),
    dynamic: t.field({ type: BillTierRef, resolve: (b) => b.tiers.dynamic }),
    intelligent: t.field({ type: BillTierRef, resolve: (b) => b.tiers.intelligent }),
  }),
});
