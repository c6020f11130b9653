import type { ProviderId } from '../providers/upstream-error.js';
import { builder } from './builder.js';
import { ProviderEnum } from './provider.js';

/** An account user: an NS1 user, or the BuddyNS account owner. */
export interface UserShape {
  provider: ProviderId;
  username: string | null;
  name: string | null;
  email: string | null;
  lastAccessAt: Date | null;
}

export const UserRef = builder.objectRef<UserShape>('User').implement({
  description: 'An NS1 account user, or the BuddyNS account owner (`provider` says which).',
  fields: (t) => ({
    provider: t.field({ type: ProviderEnum, resolve: (u) => u.provider }),
    username: t.exposeString('username', { nullable: true, description: 'NS1 username.' }),
    name: t.exposeString('name', { nullable: true }),
    email: t.expose('email', { type: 'EmailAddress', nullable: true }),
    lastAccessAt: t.expose('lastAccessAt', { type: 'DateTime', nullable: true }),
  }),
});
