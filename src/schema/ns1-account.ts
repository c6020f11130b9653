import { z } from 'zod';
import type { Ns1AccountSettings, Ns1UsageWarning, Ns1UsageWarnings } from '../providers/ns1/account.js';
import type { Ns1ActivityEntry } from '../providers/ns1/activity.js';
import type { Ns1IpAllowList } from '../providers/ns1/ip-allow-lists.js';
import * as account from '../resolvers/account.js';
import { builder } from './builder.js';
import { BillRef, InvoiceRef, PaymentMethodRef, PlanRef, PlanTypeRef } from './billing.js';
import { idRule } from './permissions.js';
import { ApiKeyRef, TeamRef } from './team.js';
import { UserRef } from './user.js';
import { ViewerRef } from './viewer.js';

const AddressRef = builder.objectRef<Ns1AccountSettings['address']>('Address').implement({
  fields: (t) => ({
    street: t.exposeString('street', { nullable: true }),
    city: t.exposeString('city', { nullable: true }),
    state: t.exposeString('state', { nullable: true }),
    postalCode: t.exposeString('postalCode', { nullable: true }),
    country: t.exposeString('country', { nullable: true }),
  }),
});

export const AccountSettingsRef = builder.objectRef<Ns1AccountSettings>('AccountSettings').implement({
  description: 'NS1 account contact details.',
  fields: (t) => ({
    customerId: t.exposeInt('customerId', { nullable: true }),
    email: t.expose('email', { type: 'EmailAddress', nullable: true }),
    firstName: t.exposeString('firstName', { nullable: true }),
    lastName: t.exposeString('lastName', { nullable: true }),
    company: t.exposeString('company', { nullable: true }),
    phone: t.exposeString('phone', { nullable: true }),
    address: t.field({ type: AddressRef, resolve: (s) => s.address }),
  }),
});

const UsageWarningRef = builder.objectRef<Ns1UsageWarning>('UsageWarning').implement({
  fields: (t) => ({
    sendWarnings: t.exposeBoolean('sendWarnings'),
    warning1: t.exposeInt('warning1', { description: 'First threshold, percent of the plan.' }),
    warning2: t.exposeInt('warning2', { description: 'Second threshold, percent of the plan.' }),
  }),
});

export const UsageWarningsRef = builder.objectRef<Ns1UsageWarnings>('UsageWarnings').implement({
  description: 'When NS1 warns billing contacts about overage.',
  fields: (t) => ({
    queries: t.field({ type: UsageWarningRef, resolve: (w) => w.queries }),
    records: t.field({ type: UsageWarningRef, resolve: (w) => w.records }),
  }),
});

export const IpAllowListRef = builder.objectRef<Ns1IpAllowList>('IpAllowList').implement({
  description: 'Addresses allowed to use the account’s API keys (NS1 "whitelist").',
  fields: (t) => ({ id: t.exposeID('id'), name: t.exposeString('name'), values: t.exposeStringList('values') }),
});

const ActivityEntryRef = builder.objectRef<Ns1ActivityEntry>('ActivityEntry').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    at: t.expose('at', { type: 'DateTime' }),
    userId: t.exposeString('userId', { nullable: true }),
    userName: t.exposeString('userName', { nullable: true }),
    userType: t.exposeString('userType', { nullable: true }),
    resourceId: t.exposeString('resourceId', { nullable: true }),
    resourceType: t.exposeString('resourceType', { nullable: true }),
    action: t.exposeString('action'),
  }),
});

const Ns1AccountRef = builder.objectRef<Record<string, never>>('Ns1Account').implement({
  description: 'The NS1 account behind the key in use.',
  fields: (t) => ({
    settings: t.field({ type: AccountSettingsRef, resolve: (_a, _x, ctx) => account.settings(ctx) }),
    usageWarnings: t.field({ type: UsageWarningsRef, resolve: (_a, _x, ctx) => account.usageWarnings(ctx) }),
    users: t.field({ type: [UserRef], resolve: (_a, _x, ctx) => account.users(ctx) }),
    user: t.field({ type: UserRef, nullable: true, args: { username: t.arg.string({ required: true, validate: idRule }) }, resolve: (_a, args, ctx) => account.user(ctx, args.username) }),
    apiKeys: t.field({ type: [ApiKeyRef], resolve: (_a, _x, ctx) => account.apiKeys(ctx) }),
    apiKey: t.field({ type: ApiKeyRef, nullable: true, args: { id: t.arg.id({ required: true, validate: idRule }) }, resolve: (_a, args, ctx) => account.apiKey(ctx, String(args.id)) }),
    teams: t.field({ type: [TeamRef], resolve: (_a, _x, ctx) => account.teams(ctx) }),
    team: t.field({ type: TeamRef, nullable: true, args: { id: t.arg.id({ required: true, validate: idRule }) }, resolve: (_a, args, ctx) => account.team(ctx, String(args.id)) }),
    ipAllowLists: t.field({ type: [IpAllowListRef], resolve: (_a, _x, ctx) => account.ipAllowLists(ctx) }),
    plan: t.field({ type: PlanRef, resolve: (_a, _x, ctx) => account.plan(ctx) }),
    planTypes: t.field({ type: [PlanTypeRef], resolve: (_a, _x, ctx) => account.planTypes(ctx) }),
    invoices: t.field({ type: [InvoiceRef], resolve: (_a, _x, ctx) => account.invoices(ctx) }),
    invoice: t.field({ type: InvoiceRef, nullable: true, args: { id: t.arg.id({ required: true, validate: idRule }) }, resolve: (_a, args, ctx) => account.invoice(ctx, String(args.id)) }),
    bill: t.field({ type: BillRef, resolve: (_a, _x, ctx) => account.bill(ctx) }),
    paymentMethods: t.field({ type: [PaymentMethodRef], resolve: (_a, _x, ctx) => account.paymentMethods(ctx) }),
    activity: t.field({
      type: [ActivityEntryRef],
      args: {
        limit: t.arg.int({ validate: z.number().int().min(1).max(10_000) }),
        start: t.arg({ type: 'DateTime' }),
        end: t.arg({ type: 'DateTime' }),
        resourceType: t.arg.string(),
        user: t.arg.string(),
        resourceId: t.arg.string(),
      },
      resolve: (_a, args, ctx) => account.activity(ctx, args),
    }),
  }),
});

builder.objectField(ViewerRef, 'ns1', (t) =>
  t.field({ type: Ns1AccountRef, nullable: true, description: 'Null when no NS1 credentials are configured.', resolve: (_v, _a, ctx) => (ctx.ns1 ? {} : null) }),
);
