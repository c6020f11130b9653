import type { BuddyNsProfile } from '../providers/buddyns/account.js';
import { builder } from './builder.js';

export const BuddyNsProfileRef = builder.objectRef<BuddyNsProfile>('BuddyNsProfile').implement({
  description: 'The BuddyNS account profile: traffic this period, contact number, cPanel integration.',
  fields: (t) => ({
    usedTraffic: t.exposeFloat('usedTraffic', { description: 'Traffic served this period, as BuddyNS reports it (used_traffic).' }),
    estimatedTraffic: t.exposeFloat('estimatedTraffic', {
      description: 'Traffic expected by the end of the period, as BuddyNS reports it (estimated_traffic).',
    }),
    mobileNumber: t.exposeString('mobileNumber', { description: 'ITU-T E.123, e.g. "+1 555 123 4567".' }),
    cpanelIntegration: t.exposeBoolean('cpanelIntegration', { description: 'Whether the BuddyNS cPanel integration is turned on for the account.' }),
  }),
});

export const BuddyNsProfileInput = builder.inputType('BuddyNsProfileInput', {
  description: 'Changes to the BuddyNS profile; fields left out stay as they are.',
  fields: (t) => ({
    mobileNumber: t.string({ description: 'ITU-T E.123 international notation, e.g. "+1 555 123 4567"; "" removes the number.' }),
    cpanelIntegration: t.boolean({ description: 'Turn the BuddyNS cPanel integration on or off.' }),
  }),
});
