import type { Ns1NotificationList } from '../providers/ns1/notify-lists.js';
import { writeOnlySecrets } from '../resolvers/write-only.js';
import { builder } from './builder.js';
import { nameRule } from './input-rules.js';

const NotifierKindEnum = builder.enumType('NotifierKind', {
  description: 'Where a notifier sends monitoring notifications (see notifierTypes for each kind’s options).',
  values: {
    EMAIL: { value: 'email', description: 'An e-mail address.' },
    USER: { value: 'user', description: 'A user of the NS1 account.' },
    DATAFEED: { value: 'datafeed', description: 'An NS1 data source of type nsone_monitoring; its feeds pass status changes on to answer metadata.' },
    WEBHOOK: { value: 'webhook', description: 'A URL the notification is sent to.' },
    PAGERDUTY: { value: 'pagerduty', description: 'A PagerDuty service.' },
    SLACK: { value: 'slack', description: 'A Slack channel.' },
  } as const,
});

const NotifierRef = builder.objectRef<Ns1NotificationList['notifiers'][number]>('Notifier').implement({
  description: 'One destination of a notification list.',
  fields: (t) => ({
    type: t.exposeString('type', { description: 'The notifier kind as NS1 names it, e.g. "email", "webhook" or "datafeed".' }),
    config: t.field({
      type: 'JSONObject',
      nullable: true,
      resolve: (n) => writeOnlySecrets(n.config),
      description:
        'The kind’s options, e.g. {"email": "ops@example.com"}; null when NS1 sends none. Secrets (keys, tokens, passwords, webhook URLs) are write-only: they read as "********".',
    }),
  }),
});

export const NotificationListRef = builder.objectRef<Ns1NotificationList>('NotificationList').implement({
  description: 'Where monitoring notifications go.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'NS1’s id of the list; monitoring jobs refer to it.' }),
    name: t.exposeString('name', { description: 'Display name of the list.' }),
    notifiers: t.field({ type: [NotifierRef], description: 'Where the list sends notifications.', resolve: (l) => l.notifiers }),
  }),
});

const NotifierInput = builder.inputType('NotifierInput', {
  description: 'One destination of a notification list.',
  fields: (t) => ({
    type: t.field({ type: NotifierKindEnum, required: true, description: 'The notifier kind.' }),
    config: t.field({
      type: 'JSONObject',
      required: true,
      description: 'The kind’s options, as notifierTypes describes them, e.g. {"email": "ops@example.com"}.',
    }),
  }),
});

export const NotificationListInput = builder.inputType('NotificationListInput', {
  description: 'A notification list, or changes to one; on update, fields left out stay as they are.',
  fields: (t) => ({
    name: t.string({ validate: nameRule, description: 'Display name, 1 to 255 characters.' }),
    notifiers: t.field({ type: [NotifierInput], description: 'Where to send notifications; replaces the list’s notifiers.' }),
  }),
});
