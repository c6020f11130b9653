import { toDecimalOrNull } from '../domain/decimal.js';
import type { Ns1Plan, Ns1PlanType } from '../providers/ns1/account.js';
import { builder } from './builder.js';

type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

const planTypeFields = (t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Ns1PlanType>) => ({
  type: t.exposeString('type', { description: 'The plan key, as changePlan takes it, e.g. "startup".' }),
  name: t.exposeString('name', { nullable: true, description: 'Display name of the plan; null when NS1 gives none.' }),
  period: t.exposeString('period', { nullable: true, description: 'Billing term, e.g. "monthly" or "annual"; null when NS1 does not say.' }),
  price: t.field({
    type: 'Decimal',
    nullable: true,
    resolve: (p) => toDecimalOrNull(p.price),
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
