import { toDecimalOrNull } from '../domain/decimal.js';
import type { Ns1Bill, Ns1BillTier } from '../providers/ns1/account.js';
import { builder } from './builder.js';

const BillTierRef = builder.objectRef<Ns1BillTier>('BillTier').implement({
  description: 'Usage and charges of one NS1 billing tier (static, dynamic or intelligent), or of all tiers together, on the next invoice.',
  fields: (t) => ({
    records: t.exposeInt('records', { description: 'Records of this tier counted for the next invoice.' }),
    queries: t.exposeFloat('queries', { description: 'Queries of this tier counted for the next invoice.' }),
    recordRate: t.field({
      type: 'Decimal',
      nullable: true,
      resolve: (b) => toDecimalOrNull(b.recordRate),
      description: 'Price per record; null when NS1 gives none.',
    }),
    queryRatePerMillion: t.field({
      type: 'Decimal',
      nullable: true,
      resolve: (b) => toDecimalOrNull(b.queryRatePerMillion),
      description: 'Price per million queries; null when NS1 gives none.',
    }),
    accessCharge: t.field({
      type: 'Decimal',
      nullable: true,
      resolve: (b) => toDecimalOrNull(b.accessCharge),
      description: 'Access charge of the tier; null when NS1 gives none.',
    }),
    recordCost: t.field({
      type: 'Decimal',
      nullable: true,
      resolve: (b) => toDecimalOrNull(b.recordCost),
      description: 'What the records cost on the next invoice; null when NS1 gives none.',
    }),
    queryCost: t.field({
      type: 'Decimal',
      nullable: true,
      resolve: (b) => toDecimalOrNull(b.queryCost),
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
    nextBaseInvoiceAt: t.expose('nextBaseInvoiceAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the next invoice of the plan’s base (recurring) cost is due to be issued; null when NS1 does not say.',
    }),
    recurringCost: t.field({
      type: 'Decimal',
      nullable: true,
      resolve: (b) => toDecimalOrNull(b.recurringCost),
      description: 'The plan’s recurring cost; null when NS1 gives none.',
    }),
    recurringCostNextInvoice: t.field({
      type: 'Decimal',
      nullable: true,
      resolve: (b) => toDecimalOrNull(b.recurringCostNextInvoice),
      description: 'The recurring cost on the next invoice; null when NS1 gives none.',
    }),
    balance: t.field({
      type: 'Decimal',
      nullable: true,
      resolve: (b) => toDecimalOrNull(b.balance),
      description: 'The account’s balance, exact, e.g. "2400.00" for NS1’s "2,400.00"; null when NS1 gives none.',
    }),
    bill: t.field({
      type: 'Decimal',
      nullable: true,
      resolve: (b) => toDecimalOrNull(b.bill),
      description: 'What the next invoice comes to so far, exact; null when NS1 gives none.',
    }),
    overageOrder: t.exposeString('overageOrder', {
      nullable: true,
      description: 'The order in which the tiers count against the plan’s credits (NS1 overage_order), e.g. "ascending"; null when NS1 does not say.',
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
    totals: t.field({
      type: BillTierRef,
      nullable: true,
      description: 'Records, queries, credits and costs of all tiers together, its rates null as NS1 gives none; null when NS1 gives no totals.',
      resolve: (b) => b.totals,
    }),
  }),
});
