import type { Ns1Described } from '../providers/ns1/described.js';
import { builder } from './builder.js';

export const NotifierTypeRef = builder.objectRef<Ns1Described>('NotifierType').implement({
  description: 'A kind of notifier and its options.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The notifier kind, e.g. "email" or "webhook".' }),
    shortDescription: t.exposeString('shortDescription', { nullable: true, description: 'One line on the notifier kind; null when NS1 gives none.' }),
    description: t.exposeString('description', { nullable: true, description: 'HTML.' }),
    config: t.expose('config', { type: 'JSONObject', description: 'Options and their descriptions.' }),
  }),
});
