import type { Ns1MetaType } from '../providers/ns1/catalog.js';
import { builder } from './builder.js';

export const MetaTypeRef = builder.objectRef<Ns1MetaType>('MetaType').implement({
  description: 'A metadata field answers, regions and records can carry.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The metadata key, as used in meta objects, e.g. "up" or "georegion".' }),
    shortDescription: t.exposeString('shortDescription', {
      nullable: true,
      description: 'One line on what the field means; null when NS1 gives none.',
    }),
    description: t.exposeString('description', { nullable: true, description: 'HTML.' }),
    category: t.exposeString('category', { nullable: true, description: 'The group NS1 files the field under; null when none.' }),
  }),
});
