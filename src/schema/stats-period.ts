import { builder } from './builder.js';

export const StatsPeriodEnum = builder.enumType('StatsPeriod', {
  description: 'A window of NS1 statistics, ending now: the last hour, 24 hours or 30 days.',
  values: {
    HOUR: { value: '1h', description: 'The last hour.' },
    DAY: { value: '24h', description: 'The last 24 hours.' },
    MONTH: { value: '30d', description: 'The last 30 days.' },
  } as const,
});
