import type { BuddyNsZoneStatus } from '../providers/buddyns/zones.js';
import { builder } from './builder.js';

export const BuddyNsZoneStatusRef = builder.objectRef<BuddyNsZoneStatus>('BuddyNsZoneStatus').implement({
  description: "A zone's transfer status on BuddyNS (GET /zone/{name}/status/).",
  fields: (t) => ({
    transferOk: t.exposeBoolean('transferOk', { description: 'Whether the last transfer from the master succeeded.' }),
    firstFailureAt: t.expose('firstFailureAt', {
      type: 'DateTime',
      nullable: true,
      description: 'The first failed transfer BuddyNS recorded; null when none has failed.',
    }),
    lastFailureAt: t.expose('lastFailureAt', {
      type: 'DateTime',
      nullable: true,
      description: 'The latest failed transfer; null when none has failed.',
    }),
    lastSuccessAt: t.expose('lastSuccessAt', {
      type: 'DateTime',
      nullable: true,
      description: 'The latest successful transfer; null when none has succeeded yet.',
    }),
  }),
});
