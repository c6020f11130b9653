import { builder } from './builder.js';

export const ProviderEnum = builder.enumType('Provider', {
  description: 'A DNS provider behind the gateway.',
  values: {
    NS1: { value: 'ns1', description: 'NS1 managed DNS: primary zones, records, traffic steering, data feeds, monitoring, account.' },
    BUDDYNS: { value: 'buddyns', description: 'BuddyNS secondary DNS.' },
  } as const,
});
