import { z } from 'zod';
import { activity } from '../resolvers/account/activity.js';
import { apiKey, apiKeys } from '../resolvers/account/api-keys.js';
import { invoice, invoices } from '../resolvers/account/invoices.js';
import { ipAllowLists } from '../resolvers/account/ip-allow-lists.js';
import { paymentMethod, paymentMethods } from '../resolvers/account/payment-methods.js';
import { bill, plan, planTypes } from '../resolvers/account/plans.js';
import { settings, usageWarnings } from '../resolvers/account/settings.js';
import { team, teams } from '../resolvers/account/teams.js';
import { user, users } from '../resolvers/account/users.js';
import { AccountSettingsRef } from './account-settings.js';
import { ActivityEntryRef } from './activity-entry.js';
import { ApiKeyRef } from './api-key.js';
import { BillRef } from './bill.js';
import { builder } from './builder.js';
import { idRule } from './input-rules.js';
import { InvoiceRef } from './invoice.js';
import { IpAllowListRef } from './ip-allow-list.js';
import { PaymentMethodRef } from './payment-method.js';
import { PlanRef, PlanTypeRef } from './plan.js';
import { TeamRef } from './team.js';
import { UsageWarningsRef } from './usage-warnings.js';
import { UserRef } from './user.js';
import { ViewerRef } from './viewer.js';

const Ns1AccountRef = builder.objectRef<Record<string, never>>('Ns1Account').implement({
  description: 'The NS1 account behind the key in use.',
  fields: (t) => ({
    settings: t.field({ type: AccountSettingsRef, description: 'Contact details of the account.', resolve: (_a, _x, ctx) => settings(ctx) }),
    usageWarnings: t.field({
      type: UsageWarningsRef,
      resolve: (_a, _x, ctx) => usageWarnings(ctx),
      description: 'When NS1 warns about overage.',
    }),
    users: t.field({ type: [UserRef], description: 'Every user of the account.', resolve: (_a, _x, ctx) => users(ctx) }),
    user: t.field({
      type: UserRef,
      nullable: true,
      args: { username: t.arg.string({ required: true, validate: idRule }) },
      resolve: (_a, args, ctx) => user(ctx, args.username),
      description: 'One user by username; null when NS1 does not have it.',
    }),
    apiKeys: t.field({
      type: [ApiKeyRef],
      resolve: (_a, _x, ctx) => apiKeys(ctx),
      description: 'Every API key of the account (without secrets).',
    }),
    apiKey: t.field({
      type: ApiKeyRef,
      nullable: true,
      args: { id: t.arg.id({ required: true, validate: idRule }) },
      resolve: (_a, args, ctx) => apiKey(ctx, String(args.id)),
      description: 'One API key by id (without its secret); null when NS1 does not have it.',
    }),
    teams: t.field({ type: [TeamRef], description: 'Every team of the account.', resolve: (_a, _x, ctx) => teams(ctx) }),
    team: t.field({
      type: TeamRef,
      nullable: true,
      args: { id: t.arg.id({ required: true, validate: idRule }) },
      resolve: (_a, args, ctx) => team(ctx, String(args.id)),
      description: 'One team by id; null when NS1 does not have it.',
    }),
    ipAllowLists: t.field({
      type: [IpAllowListRef],
      resolve: (_a, _x, ctx) => ipAllowLists(ctx),
      description: 'Addresses allowed to use the account’s API keys.',
    }),
    plan: t.field({ type: PlanRef, description: 'The subscription plan the account is on.', resolve: (_a, _x, ctx) => plan(ctx) }),
    planTypes: t.field({
      type: [PlanTypeRef],
      resolve: (_a, _x, ctx) => planTypes(ctx),
      description: 'The subscription plans the account can change to.',
    }),
    invoices: t.field({ type: [InvoiceRef], description: 'Every invoice of the account.', resolve: (_a, _x, ctx) => invoices(ctx) }),
    invoice: t.field({
      type: InvoiceRef,
      nullable: true,
      args: { id: t.arg.id({ required: true, validate: idRule }) },
      resolve: (_a, args, ctx) => invoice(ctx, String(args.id)),
      description: 'One invoice by id; null when the account has no such invoice.',
    }),
    bill: t.field({
      type: BillRef,
      resolve: (_a, _x, ctx) => bill(ctx),
      description: 'Usage and charges that will appear on the next invoice.',
    }),
    paymentMethods: t.field({
      type: [PaymentMethodRef],
      resolve: (_a, _x, ctx) => paymentMethods(ctx),
      description: 'The payment methods on the account.',
    }),
    paymentMethod: t.field({
      type: PaymentMethodRef,
      nullable: true,
      args: { id: t.arg.id({ required: true, validate: idRule }) },
      resolve: (_a, args, ctx) => paymentMethod(ctx, String(args.id)),
      description: 'One payment method by id; null when the account has no such payment method.',
    }),
    activity: t.field({
      type: [ActivityEntryRef],
      args: {
        limit: t.arg.int({ description: 'At most this many entries, 1 to 10000; NS1 sends 20 when left out.', validate: z.number().int().min(1).max(10_000) }),
        start: t.arg({ type: 'DateTime', description: 'Only entries after this time.' }),
        end: t.arg({ type: 'DateTime', description: 'Only entries before this time.' }),
        resourceType: t.arg.string({ description: 'Only entries about this kind of resource, e.g. "zonefile".' }),
        user: t.arg.string({ description: 'Only entries by this username or API key id.' }),
        resourceId: t.arg.string({ description: 'Only entries about this resource.' }),
      },
      resolve: (_a, args, ctx) => activity(ctx, args),
      description:
        'The activity log: the most recent 20 entries unless limit says otherwise, filtered by time, resource and user. BAD_USER_INPUT when start is after end.',
    }),
  }),
});

builder.objectField(ViewerRef, 'ns1', (t) =>
  t.field({
    type: Ns1AccountRef,
    nullable: true,
    description: 'Null when no NS1 credentials are configured.',
    resolve: (_v, _a, ctx) => (ctx.ns1 ? {} : null),
  }),
);
