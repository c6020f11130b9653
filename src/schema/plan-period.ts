import { builder } from './builder.js';

export const PlanPeriodEnum = builder.enumType('PlanPeriod', {
  description: 'The term a plan is paid for.',
  values: {
    MONTHLY: { value: 'monthly', description: 'Every month.' },
    QUARTERLY: { value: 'quarterly', description: 'Every three months.' },
    SEMIANNUAL: { value: 'semiannual', description: 'Every six months.' },
    ANNUAL: { value: 'annual', description: 'Every year.' },
  } as const,
});
