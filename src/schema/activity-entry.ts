import type { Ns1ActivityEntry } from '../providers/ns1/activity.js';
import { writeOnlySecrets } from '../resolvers/write-only.js';
import { builder } from './builder.js';

export const ActivityEntryRef = builder.objectRef<Ns1ActivityEntry>('ActivityEntry').implement({
  description: 'One entry of the NS1 account activity log: who did what to which resource.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id of the entry.' }),
    at: t.expose('at', { type: 'DateTime', description: 'When it happened.' }),
    userId: t.exposeString('userId', {
      nullable: true,
      description: 'The username or API key id that acted (see userType); null for system activity.',
    }),
    userName: t.exposeString('userName', { nullable: true, description: 'Display name of who acted; null when NS1 does not say.' }),
    userType: t.exposeString('userType', { nullable: true, description: 'Who acted: "user", "apikey" or "system".' }),
    resourceId: t.exposeString('resourceId', { nullable: true, description: 'Id of the resource acted on; null when NS1 does not say.' }),
    resourceType: t.exposeString('resourceType', {
      nullable: true,
      description: 'Kind of resource acted on, e.g. "zonefile"; null when NS1 does not say.',
    }),
    action: t.exposeString('action', { description: 'What was done, e.g. "create", "update" or "delete".' }),
    resource: t.field({
      type: 'JSONObject',
      nullable: true,
      resolve: (entry) => writeOnlySecrets(entry.resource),
      description:
        'The resource as NS1 showed it after a create or update, or before a delete; null when NS1 does not say. Secrets (keys, tokens, passwords, webhook URLs) read as "********".',
    }),
  }),
});
