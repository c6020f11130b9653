import type { Ns1MonitorJob } from '../providers/ns1/monitoring.js';
import { builder } from './builder.js';

const ComparisonEnum = builder.enumType('ComparisonOperator', {
  description: 'How a monitoring rule compares a job result with its value: CONTAINS with a string, the others with a number.',
  values: {
    LESS_THAN: { value: '<', description: 'The result is below the value ("<").' },
    LESS_OR_EQUAL: { value: '<=', description: 'The result is at most the value ("<=").' },
    GREATER_THAN: { value: '>', description: 'The result is above the value (">").' },
    GREATER_OR_EQUAL: { value: '>=', description: 'The result is at least the value (">=").' },
    EQUAL: { value: '==', description: 'The result equals the value ("==").' },
    NOT_EQUAL: { value: '!=', description: 'The result differs from the value ("!=").' },
    CONTAINS: { value: 'contains', description: 'The result, a string such as "output", contains the value.' },
  } as const,
});

export const MonitorRuleRef = builder.objectRef<Ns1MonitorJob['rules'][number]>('MonitorRule').implement({
  description: 'A condition a job result must meet, or the job is marked down, e.g. rtt < 100.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The job result compared, e.g. "rtt", "loss" or "output" (see monitorJobTypes.results).' }),
    comparison: t.exposeString('comparison', { description: 'The comparison as NS1 writes it: "<", "<=", ">", ">=", "==", "!=" or "contains".' }),
    value: t.expose('value', {
      type: 'JSON',
      nullable: true,
      description: 'The value the result is compared with: a number, or a string for "contains".',
    }),
  }),
});

export const MonitorRuleInput = builder.inputType('MonitorRuleInput', {
  description: 'A condition a job result must meet, or the job is marked down.',
  fields: (t) => ({
    key: t.string({ required: true, description: 'A result of the job type, e.g. "rtt", "loss", "output".' }),
    comparison: t.field({
      type: ComparisonEnum,
      required: true,
      description: 'The comparison; CONTAINS compares with a string, the others with a number.',
    }),
    value: t.field({
      type: 'JSON',
      required: true,
      description: 'The value to compare with: a number, or a string for CONTAINS (BAD_USER_INPUT otherwise).',
    }),
  }),
});
