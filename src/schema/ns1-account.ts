import { z } from 'zod';
import type { Ns1AccountSettings, Ns1UsageWarning, Ns1UsageWarnings } from '../providers/ns1/account.js';
import type { Ns1ActivityEntry } from '../providers/ns1/activity.js';
import type { Ns1IpAllowList } from '../providers/ns1/ip-allow-lists.js';
import * as account from '../resolvers/account/users.js';
import { builder } from './builder.js';
import { BillRef, InvoiceRef, PaymentMethodRef, PlanRef, PlanTypeRef } from './billing.js';
import { idRule } from './permissions.js';
import { ApiKeyRef, TeamRef } from './team.js';
import { UserRef } from './user.js';
import { ViewerRef } from './viewer.js';

const AddressRef = builder.objectRef<Ns1AccountSettings['address']>('Address').implement({
  description: 'A postal address of the NS1 account.',
  fields: (t) => ({
    street: t.exposeString('street', { nullable: true, description: 'Street and number; null when not set.' }),
    city: t.exposeString('city', { nullable: true, description: 'City; null when not set.' }),
    state: t.exposeString('state', { nullable: true, description: 'State or region; null when not set.' }),
    postalCode: t.exposeString('postalCode', { nullable: true, description: 'Postal code; null when not set.' }),
    country: t.exposeString('country', { nullable: true, description: 'Country, e.g. "US"; null when not set.' }),
  }),
});

export const AccountSettingsRef = builder.objectRef<Ns1AccountSettings>('AccountSettings').implement({
  description: 'NS1 account contact details.',
  fields: (t) => ({
    customerId: t.exposeInt('customerId', { nullable: true, description: 'NS1’s customer number of the account; it cannot be changed.' }),
    email: t.expose('email', { type: 'EmailAddress', nullable: true, description: 'Contact e-mail address; null when not set.' }),
    firstName: t.exposeString('firstName', { nullable: true, description: 'Contact’s first name; null when not set.' }),
    lastName: t.exposeString('lastName', { nullable: true, description: 'Contact’s last name; null when not set.' }),
    company: t.exposeString('company', { nullable: true, description: 'Company name; null when not set.' }),
    phone: t.exposeString('phone', { nullable: true, description: 'Contact phone number; null when not set.' }),
    address: t.field({ type: AddressRef, description: 'Postal address.', resolve: (s) => s.address }),
  }),
});

const UsageWarningRef = builder.objectRef<Ns1UsageWarning>('UsageWarning').implement({
  description: 'Overage warnings for one kind of usage (queries or records).',
  fields: (t) => ({
    sendWarnings: t.exposeBoolean('sendWarnings', { description: 'Whether NS1 sends these warnings.' }),
    warning1: t.exposeInt('warning1', { description: 'First threshold, percent of the plan.' }),
    warning2: t.exposeInt('warning2', { description: 'Second threshold, percent of the plan.' }),
  }),
});

export const UsageWarningsRef = builder.objectRef<Ns1UsageWarnings>('UsageWarnings').implement({
  description: 'When NS1 warns billing contacts about overage.',
  fields: (t) => ({
    queries: t.field({ type: UsageWarningRef, description: 'Warnings about queries.', resolve: (w) => w.queries }),
    records: t.field({ type: UsageWarningRef, description: 'Warnings about records.', resolve: (w) => w.records }),
  }),
});

export const IpAllowListRef = builder.objectRef<Ns1IpAllowList>('IpAllowList').implement({
  description: 'Addresses allowed to use the account’s API keys (NS1 "whitelist").',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'NS1’s id of the list.' }),
    name: t.exposeString('name', { description: 'Display name of the list.' }),
    values: t.exposeStringList('values', { description: 'The IP addresses and CIDR ranges allowed.' }),
  }),
});

const ActivityEntryRef = builder.objectRef<Ns1ActivityEntry>('ActivityEntry').implement({
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
  }),
});

const Ns1AccountRef = builder.objectRef<Record<string, never>>('Ns1Account').implement({
  description: 'The NS1 account behind the key in use.',
  fields: (t) => ({
    settings: t.field({ type: AccountSettingsRef, description: 'Contact details of the account.', resolve: (_a, _x, ctx) => account.settings(ctx) }),
    usageWarnings: t.field({
      type: UsageWarningsRef,
      resolve: (_a, _x, ctx) => account.usageWarnings(ctx),
      description: 'When NS1 warns about overage.',
    }),
    users: t.field({ type: [UserRef], description: 'Every user of the account.', resolve: (_a, _x, ctx) => account.users(ctx) }),
    user: t.field({
      type: UserRef,
      nullable: true,
      args: { username: t.arg.string({ required: true, validate: idRule }) },
      resolve: (_a, args, ctx) => account.user(ctx, args.username),
      description: 'One user by username; null when NS1 does not have it.',
    }),
    apiKeys: t.field({
      type: [ApiKeyRef],
      resolve: (_a, _x, ctx) => account.apiKeys(ctx),
      description: 'Every API key of the account (without secrets).',
    }),
    apiKey: t.field({
      type: ApiKeyRef,
      nullable: true,
      args: { id: t.arg.id({ required: true, validate: idRule }) },
      resolve: (_a, args, ctx) => account.apiKey(ctx, String(args.id)),
      description: 'One API key by id (without its secret); null when NS1 does not have it.',
    }),
    teams: t.field({ type: [TeamRef], description: 'Every team of the account.', resolve: (_a, _x, ctx) => account.teams(ctx) }),
    team: t.field({
      type: TeamRef,
      nullable: true,
      args: { id: t.arg.id({ required: true, validate: idRule }) },
      resolve: (_a, args, ctx) => account.team(ctx, String(args.id)),
      description: 'One team by id; null when NS1 does not have it.',
    }),
    ipAllowLists: t.field({
      type: [IpAllowListRef],
      resolve: (_a, _x, ctx) => account.ipAllowLists(ctx),
      description: 'Addresses allowed to use the account’s API keys.',
    }),
    plan: t.field({ type: PlanRef, description: 'The subscription plan the account is on.', resolve: (_a, _x, ctx) => account.plan(ctx) }),
    planTypes: t.field({
      type: [PlanTypeRef],
      resolve: (_a, _x, ctx) => account.planTypes(ctx),
      description: 'The subscription plans the account can change to.',
    }),
    invoices: t.field({ type: [InvoiceRef], description: 'Every invoice of the account.', resolve: (_a, _x, ctx) => account.invoices(ctx) }),
    invoice: t.field({
      type: InvoiceRef,
      nullable: true,
      args: { id: t.arg.id({ required: true, validate: idRule }) },
      resolve: (_a, args, ctx) => account.invoice(ctx, String(args.id)),
      description: 'One invoice by id; null when the account has no such invoice.',
    }),
    bill: t.field({
      type: BillRef,
      resolve: (_a, _x, ctx) => account.bill(ctx),
      description: 'Usage and charges that will appear on the next invoice.',
    }),
    paymentMethods: t.field({
      type: [PaymentMethodRef],
      resolve: (_a, _x, ctx) => account.paymentMethods(ctx),
      description: 'The payment methods on the account.',
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
      resolve: (_a, args, ctx) => account.activity(ctx, args),
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
