import type { Ns1IpAllowList } from '../providers/ns1/ip-allow-lists.js';
import { builder } from './builder.js';
import { nameRule } from './input-rules.js';

export const IpAllowListRef = builder.objectRef<Ns1IpAllowList>('IpAllowList').implement({
  description: 'Addresses allowed to use the account’s API keys (NS1 "whitelist").',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'NS1’s id of the list.' }),
    name: t.exposeString('name', { description: 'Display name of the list.' }),
    values: t.exposeStringList('values', { description: 'The IP addresses and CIDR ranges allowed.' }),
  }),
});

export const IpAllowListInput = builder.inputType('IpAllowListInput', {
  description: 'An IP allow list, or changes to one; on update, fields left out stay as they are.',
  fields: (t) => ({
    name: t.string({ validate: nameRule, description: 'Display name, 1 to 255 characters; "Allow list" when a new list has none.' }),
    values: t.stringList({ description: 'IP addresses or CIDR ranges.' }),
  }),
});
