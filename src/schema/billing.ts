import type { Ns1Bill, Ns1BillTier, Ns1Plan, Ns1PlanType } from '../providers/ns1/account.js';
import type { Ns1Invoice, Ns1PaymentMethod } from '../providers/ns1/billing.js';
import { toDecimal } from '../domain/decimal.js';
import { invoiceAmount, invoiceDownloadUrl } from '../resolvers/account/users.js';
import { builder } from './builder.js';

const money = (value: string | null) => (value === null ? null : (toDecimal(value) ?? null));

export const InvoiceRef = builder.objectRef<Ns1Invoice>('Invoice').implement({
  description: 'An NS1 invoice.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'NS1’s id of the invoice; the key other subgraphs use.' }),
    amount: t.field({ type: 'Decimal', description: 'Exact, e.g. "2400.00" for NS1’s "2,400.00".', resolve: (i) => invoiceAmount(i) }),
    status: t.exposeString('status', { description: 'The invoice’s status as NS1 reports it.' }),
    sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true, description: 'When NS1 sent the invoice; null when NS1 gives no date.' }),
    dueAt: t.expose('dueAt', { type: 'DateTime', nullable: true, description: 'When payment is due; null when NS1 gives no date.' }),
    downloadUrl: t.string({
      description: 'The PDF, authenticated by the documented sha1 authtoken: a browser can open it without the key.',
      resolve: (i, _a, ctx) => invoiceDownloadUrl(ctx, i),
    }),
  }),
});

export const PaymentMethodRef = builder.objectRef<Ns1PaymentMethod>('PaymentMethod').implement({
  description: 'A payment method (credit card) on the NS1 account; of the card number only the last four digits are shown.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'NS1’s id of the payment method.' }),
    type: t.exposeString('type', { description: 'The kind of method, as NS1 names it, e.g. "creditcard".' }),
    isDefault: t.exposeBoolean('isDefault', { description: 'Whether invoices are charged to this method.' }),
    brand: t.exposeString('brand', { nullable: true, description: 'Card brand, e.g. "mastercard"; null when NS1 does not say.' }),
    last4: t.exposeString('last4', { nullable: true, description: 'The last four digits of the card; null when NS1 does not say.' }),
    expMonth: t.exposeInt('expMonth', { nullable: true, description: 'Expiry month, 1 to 12; null when NS1 does not say.' }),
    expYear: t.exposeInt('expYear', { nullable: true, description: 'Expiry year, e.g. 2027; null when NS1 does not say.' }),
    name: t.exposeString('name', { nullable: true, description: 'Cardholder name; null when NS1 does not say.' }),
  }),
});

type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

const planTypeFields = (t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Ns1PlanType>) => ({
  type: t.exposeString('type', { description: 'The plan key, as changePlan takes it, e.g. "startup".' }),
  name: t.exposeString('name', { nullable: true, description: 'Display name of the plan; null when NS1 gives none.' }),
  period: t.exposeString('period', { nullable: true, description: 'Billing term, e.g. "monthly" or "annual"; null when NS1 does not say.' }),
  price: t.field({
    type: 'Decimal',
    nullable: true,
    resolve: (p) => money(p.price),
    description: 'Price of the plan, exact; null when NS1 gives none.',
  }),
  recordCredit: t.exposeFloat('recordCredit', { nullable: true, description: 'Records the plan includes; null when NS1 does not say.' }),
  queryCredit: t.exposeFloat('queryCredit', {
    nullable: true,
    description: 'Queries the plan includes; null when NS1 does not say.',
  }),
});

export const PlanTypeRef = builder
  .objectRef<Ns1PlanType>('PlanType')
  .implement({ description: 'An NS1 subscription plan the account can change to.', fields: planTypeFields });

export const PlanRef = builder.objectRef<Ns1Plan>('Plan').implement({
  description: 'The NS1 subscription plan the account is on.',
  fields: (t) => ({
    ...planTypeFields(t),
    since: t.expose('since', { type: 'DateTime', nullable: true, description: 'When the account moved to this plan; null when NS1 does not say.' }),
  }),
});

const BillTierRef = builder.objectRef<Ns1BillTier>('BillTier').implement({
  description: 'Usage and charges of one NS1 billing tier (static, dynamic or intelligent) on the next invoice.',
  fields: (t) => ({
    records: t.exposeInt('records', { description: 'Records of this tier counted for the next invoice.' }),
    queries: t.exposeFloat('queries', { description: 'Queries of this tier counted for the next invoice.' }),
    recordRate: t.field({
      type: 'Decimal',
      nullable: true,
      resolve: (b) => money(b.recordRate),
      description: 'Price per record; null when NS1 gives none.',
    }),
    queryRatePerMillion: t.field({
      type: 'Decimal',
      nullable: true,
      resolve: (b) => money(b.queryRatePerMillion),
      description: 'Price per million queries; null when NS1 gives none.',
    }),
    accessCharge: t.field({
      type: 'Decimal',
      nullable: true,
      resolve: (b) => money(b.accessCharge),
      description: 'Access charge of the tier; null when NS1 gives none.',
    }),
    recordCost: t.field({
      type: 'Decimal',
      nullable: true,
      resolve: (b) => money(b.recordCost),
      description: 'What the records cost on the next invoice; null when NS1 gives none.',
    }),
    queryCost: t.field({
      type: 'Decimal',
      nullable: true,
      resolve: (b) => money(b.queryCost),
      description: 'What the queries cost on the next invoice; null when NS1 gives none.',
    }),
    recordCredit: t.exposeFloat('recordCredit', {
      nullable: true,
      description: 'Records of this tier the plan includes; null when NS1 does not say.',
    }),
    queryCredit: t.exposeFloat('queryCredit', { nullable: true, description: 'Queries of this tier the plan includes; null when NS1 does not say.' }),
  }),
});

export const BillRef = builder.objectRef<Ns1Bill>('Bill').implement({
  description: 'Usage and charges of the next invoice (NS1 "bill at a glance").',
  fields: (t) => ({
    plan: t.exposeString('plan', { description: 'The plan key the account is on, e.g. "startup".' }),
    period: t.exposeString('period', { nullable: true, description: 'Billing term, e.g. "monthly"; null when NS1 does not say.' }),
    lastInvoiceAt: t.expose('lastInvoiceAt', { type: 'DateTime', nullable: true, description: 'When the last invoice was issued; null if none.' }),
    nextInvoiceAt: t.expose('nextInvoiceAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the next invoice is due to be issued; null when NS1 does not say.',
    }),
    recurringCost: t.field({
      type: 'Decimal',
      nullable: true,
      resolve: (b) => money(b.recurringCost),
      description: 'The plan’s recurring cost; null when NS1 gives none.',
    }),
    recurringCostNextInvoice: t.field({
      type: 'Decimal',
      nullable: true,
      resolve: (b) => money(b.recurringCostNextInvoice),
      description: 'The recurring cost on the next invoice; null when NS1 gives none.',
    }),
    queryCredit: t.exposeFloat('queryCredit', {
      nullable: true,
      description: 'Queries the plan includes across all tiers; null when NS1 does not say.',
    }),
    recordCredit: t.exposeFloat('recordCredit', {
      nullable: true,
      description: 'Records the plan includes across all tiers; null when NS1 does not say.',
    }),
    static: t.field({ type: BillTierRef, description: 'Records and queries of the static tier.', resolve: (b) => b.tiers.static }),
    dynamic: t.field({ type: BillTierRef, description: 'Records and queries of the dynamic tier.', resolve: (b) => b.tiers.dynamic }),
    intelligent: t.field({ type: BillTierRef, description: 'Records and queries of the intelligent tier.', resolve: (b) => b.tiers.intelligent }),
  }),
});
