import { toDecimalOrNull } from '../domain/decimal.js';
import type {
  Ns1Plan,
  Ns1PlanAccessCharges,
  Ns1PlanAllowance,
  Ns1PlanIncluded,
  Ns1PlanMonitoring,
  Ns1PlanOverageRates,
  Ns1PlanOverages,
  Ns1PlanType,
} from '../providers/ns1/plans.js';
import { builder } from './builder.js';

type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

const PlanAllowanceRef = builder.objectRef<Ns1PlanAllowance>('PlanAllowance').implement({
  description: 'Queries and records a plan includes before overage charges apply.',
  fields: (t) => ({
    queries: t.exposeFloat('queries', { nullable: true, description: 'Queries the plan includes; null when NS1 does not say.' }),
    records: t.exposeFloat('records', { nullable: true, description: 'Records the plan includes; null when NS1 does not say.' }),
  }),
});

const PlanIncludedRef = builder.objectRef<Ns1PlanIncluded>('PlanIncluded').implement({
  description: 'What a plan includes: an allowance any tier may use, and one per billing tier.',
  fields: (t) => ({
    any: t.field({ type: PlanAllowanceRef, description: 'The allowance shared by every tier.', resolve: (i) => i.any }),
    static: t.field({ type: PlanAllowanceRef, description: 'The allowance of the static tier alone.', resolve: (i) => i.static }),
    dynamic: t.field({ type: PlanAllowanceRef, description: 'The allowance of the dynamic tier alone.', resolve: (i) => i.dynamic }),
    intelligent: t.field({ type: PlanAllowanceRef, description: 'The allowance of the intelligent tier alone.', resolve: (i) => i.intelligent }),
  }),
});

const PlanOverageRatesRef = builder.objectRef<Ns1PlanOverageRates>('PlanOverageRates').implement({
  description: 'What usage beyond a plan’s allowance costs in one billing tier.',
  fields: (t) => ({
    queryRatePerMillion: t.field({
      type: 'Decimal',
      nullable: true,
      resolve: (o) => toDecimalOrNull(o.queryRatePerMillion),
      description: 'Price per million queries beyond the allowance, exact; null when NS1 gives none.',
    }),
    recordRate: t.field({
      type: 'Decimal',
      nullable: true,
      resolve: (o) => toDecimalOrNull(o.recordRate),
      description: 'Price per record beyond the allowance, exact; null when NS1 gives none.',
    }),
  }),
});

const PlanOveragesRef = builder.objectRef<Ns1PlanOverages>('PlanOverages').implement({
  description: 'Overage prices of a plan, per billing tier.',
  fields: (t) => ({
    static: t.field({ type: PlanOverageRatesRef, description: 'Overage prices of the static tier.', resolve: (o) => o.static }),
    dynamic: t.field({ type: PlanOverageRatesRef, description: 'Overage prices of the dynamic tier.', resolve: (o) => o.dynamic }),
    intelligent: t.field({ type: PlanOverageRatesRef, description: 'Overage prices of the intelligent tier.', resolve: (o) => o.intelligent }),
  }),
});

const PlanAccessChargesRef = builder.objectRef<Ns1PlanAccessCharges>('PlanAccessCharges').implement({
  description: 'Access charges of a plan, per billing tier.',
  fields: (t) => ({
    static: t.field({
      type: 'Decimal',
      nullable: true,
      resolve: (a) => toDecimalOrNull(a.static),
      description: 'Access charge of the static tier, exact; null when NS1 gives none.',
    }),
    dynamic: t.field({
      type: 'Decimal',
      nullable: true,
      resolve: (a) => toDecimalOrNull(a.dynamic),
      description: 'Access charge of the dynamic tier, exact; null when NS1 gives none.',
    }),
    intelligent: t.field({
      type: 'Decimal',
      nullable: true,
      resolve: (a) => toDecimalOrNull(a.intelligent),
      description: 'Access charge of the intelligent tier, exact; null when NS1 gives none.',
    }),
  }),
});

const PlanMonitoringRef = builder.objectRef<Ns1PlanMonitoring>('PlanMonitoring').implement({
  description: 'The monitoring a plan allows.',
  fields: (t) => ({
    jobs: t.exposeInt('jobs', { nullable: true, description: 'Monitoring jobs the account may have; null when NS1 does not say.' }),
    frequency: t.exposeInt('frequency', {
      nullable: true,
      description: 'The fewest seconds a monitoring job may wait between checks; null when NS1 does not say.',
    }),
    regions: t.exposeInt('regions', { nullable: true, description: 'Regions a monitoring job may run in; null when NS1 does not say.' }),
  }),
});

const planTypeFields = (t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Ns1PlanType>) => ({
  type: t.exposeString('type', { description: 'The plan key, as changePlan takes it, e.g. "startup".' }),
  period: t.exposeString('period', {
    nullable: true,
    description: 'Billing term, e.g. "monthly", "quarterly" or "annual"; with type, it names the plan. Null when NS1 does not say.',
  }),
  monthlyPrice: t.field({
    type: 'Decimal',
    nullable: true,
    resolve: (p) => toDecimalOrNull(p.monthlyPrice),
    description: 'Price per month, exact; null when NS1 gives none.',
  }),
  recurringCost: t.field({
    type: 'Decimal',
    nullable: true,
    resolve: (p) => toDecimalOrNull(p.recurringCost),
    description: 'What each billing term costs, exact; charged in full when the plan is taken. Null when NS1 gives none.',
  }),
  discount: t.field({
    type: 'Decimal',
    nullable: true,
    resolve: (p) => toDecimalOrNull(p.discount),
    description: 'Discount on the price, in the unit discountType names; null when NS1 gives none.',
  }),
  discountType: t.exposeString('discountType', { nullable: true, description: 'How the discount is given, e.g. "percentage"; null when NS1 does not say.' }),
  included: t.field({ type: PlanIncludedRef, description: 'Queries and records the plan includes.', resolve: (p) => p.included }),
  overageOrder: t.exposeString('overageOrder', {
    nullable: true,
    description: 'The order in which usage beyond the allowance is charged across tiers, e.g. "ascending"; null when NS1 does not say.',
  }),
  overages: t.field({ type: PlanOveragesRef, description: 'What usage beyond the allowance costs, per tier.', resolve: (p) => p.overages }),
  accessCharges: t.field({ type: PlanAccessChargesRef, description: 'Access charges, per tier.', resolve: (p) => p.accessCharges }),
  monitoring: t.field({ type: PlanMonitoringRef, description: 'The monitoring the plan allows.', resolve: (p) => p.monitoring }),
});

export const PlanTypeRef = builder
  .objectRef<Ns1PlanType>('PlanType')
  .implement({ description: 'An NS1 subscription plan the account can change to: one type for one billing term.', fields: planTypeFields });

export const PlanRef = builder.objectRef<Ns1Plan>('Plan').implement({
  description: 'The NS1 subscription plan the account is on, with its balance.',
  fields: (t) => ({
    ...planTypeFields(t),
    locked: t.exposeBoolean('locked', { nullable: true, description: 'Whether NS1 reports the subscription as locked; null when NS1 does not say.' }),
    balance: t.field({
      type: 'Decimal',
      nullable: true,
      resolve: (p) => toDecimalOrNull(p.balance),
      description: 'The account’s current balance, exact, e.g. what a change of plan charged; null when NS1 gives none.',
    }),
  }),
});
