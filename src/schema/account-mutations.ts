import { z } from 'zod';
import * as account from '../resolvers/account.js';
import * as writes from '../resolvers/account-writes.js';
import { builder } from './builder.js';
import { PaymentMethodRef, PlanRef } from './billing.js';
import { AccountSettingsRef, IpAllowListRef, UsageWarningsRef } from './ns1-account.js';
import { idRule, nameRule, PermissionsInput } from './permissions.js';
import { ApiKeyRef, CreateApiKeyPayloadRef, TeamRef } from './team.js';
import { UserRef } from './user.js';

const AddressInput = builder.inputType('AddressInput', {
  fields: (t) => ({ street: t.string(), city: t.string(), state: t.string(), postalCode: t.string(), country: t.string({ validate: z.string().regex(/^[A-Z]{2}$/, 'is not an ISO 3166 country code') }) }),
});

const AccountSettingsInput = builder.inputType('AccountSettingsInput', {
  fields: (t) => ({
    email: t.field({ type: 'EmailAddress' }),
    firstName: t.string({ validate: nameRule }),
    lastName: t.string({ validate: nameRule }),
    company: t.string({ validate: nameRule }),
    phone: t.string({ validate: z.string().regex(/^\+?[0-9 ().-]{3,32}$/, 'is not a phone number') }),
    address: t.field({ type: AddressInput }),
  }),
});

const percent = z.number().int().min(0).max(100);
const UsageWarningInput = builder.inputType('UsageWarningInput', {
  fields: (t) => ({ sendWarnings: t.boolean(), warning1: t.int({ validate: percent }), warning2: t.int({ validate: percent }) }),
});
const UsageWarningsInput = builder.inputType('UsageWarningsInput', {
  fields: (t) => ({ queries: t.field({ type: UsageWarningInput }), records: t.field({ type: UsageWarningInput }) }),
});

const UserInput = builder.inputType('UserInput', {
  fields: (t) => ({
    name: t.string({ validate: nameRule }),
    email: t.field({ type: 'EmailAddress' }),
    teamIds: t.idList(),
    notifyBilling: t.boolean(),
    permissions: t.field({ type: PermissionsInput }),
  }),
});

const ApiKeyInput = builder.inputType('ApiKeyInput', {
  fields: (t) => ({ name: t.string({ validate: nameRule }), teamIds: t.idList(), permissions: t.field({ type: PermissionsInput }) }),
});

const TeamInput = builder.inputType('TeamInput', {
  fields: (t) => ({ name: t.string({ validate: nameRule }), permissions: t.field({ type: PermissionsInput }) }),
});

const IpAllowListInput = builder.inputType('IpAllowListInput', {
  fields: (t) => ({ name: t.string({ validate: nameRule }), values: t.stringList({ description: 'IP addresses or CIDR ranges.' }) }),
});

const PaymentCardInput = builder.inputType('PaymentCardInput', {
  fields: (t) => ({
    number: t.string({ required: true }),
    expMonth: t.int({ required: true, validate: z.number().int().min(1).max(12) }),
    expYear: t.int({ required: true, validate: z.number().int().min(new Date().getUTCFullYear(), 'the card has expired').max(2100) }),
    cvc: t.string({ validate: z.string().regex(/^\d{3,4}$/, 'is 3 or 4 digits') }),
    name: t.string(),
  }),
});

const username = z.string().regex(/^[A-Za-z0-9._-]{2,64}$/, 'is 2 to 64 letters, digits, dots, dashes or underscores');

builder.mutationFields((t) => ({
  updateAccountSettings: t.field({ type: AccountSettingsRef, args: { input: t.arg({ type: AccountSettingsInput, required: true }) }, resolve: (_r, { input }, ctx) => writes.updateAccountSettings(ctx, input) }),
  updateUsageWarnings: t.field({ type: UsageWarningsRef, args: { input: t.arg({ type: UsageWarningsInput, required: true }) }, resolve: (_r, { input }, ctx) => writes.updateUsageWarnings(ctx, input) }),
  createUser: t.field({
    type: UserRef,
    args: { username: t.arg.string({ required: true, validate: username }), input: t.arg({ type: UserInput, required: true }) },
    resolve: (_r, args, ctx) => account.createUser(ctx, args.username, args.input),
  }),
  updateUser: t.field({
    type: UserRef,
    args: { username: t.arg.string({ required: true, validate: username }), input: t.arg({ type: UserInput, required: true }) },
    resolve: (_r, args, ctx) => account.updateUser(ctx, args.username, args.input),
  }),
  deleteUser: t.boolean({ args: { username: t.arg.string({ required: true, validate: username }) }, resolve: (_r, a, ctx) => writes.deleteUser(ctx, a.username) }),
  reinviteUser: t.boolean({ args: { username: t.arg.string({ required: true, validate: username }) }, resolve: (_r, a, ctx) => writes.reinviteUser(ctx, a.username) }),
  createApiKey: t.field({
    type: CreateApiKeyPayloadRef,
    description: 'Creates an NS1 API key; its secret is in this answer only.',
    args: { input: t.arg({ type: ApiKeyInput, required: true }) },
    resolve: (_r, { input }, ctx) => writes.createApiKey(ctx, input),
  }),
  updateApiKey: t.field({
    type: ApiKeyRef,
    args: { id: t.arg.id({ required: true, validate: idRule }), input: t.arg({ type: ApiKeyInput, required: true }) },
    resolve: (_r, { id, input }, ctx) => writes.updateApiKey(ctx, String(id), input),
  }),
  deleteApiKey: t.boolean({ args: { id: t.arg.id({ required: true, validate: idRule }) }, resolve: (_r, a, ctx) => writes.deleteApiKey(ctx, String(a.id)) }),
  createTeam: t.field({ type: TeamRef, args: { input: t.arg({ type: TeamInput, required: true }) }, resolve: (_r, { input }, ctx) => writes.createTeam(ctx, input) }),
  updateTeam: t.field({
    type: TeamRef,
    args: { id: t.arg.id({ required: true, validate: idRule }), input: t.arg({ type: TeamInput, required: true }) },
    resolve: (_r, { id, input }, ctx) => writes.updateTeam(ctx, String(id), input),
  }),
  deleteTeam: t.boolean({ args: { id: t.arg.id({ required: true, validate: idRule }) }, resolve: (_r, a, ctx) => writes.deleteTeam(ctx, String(a.id)) }),
  createIpAllowList: t.field({ type: IpAllowListRef, args: { input: t.arg({ type: IpAllowListInput, required: true }) }, resolve: (_r, { input }, ctx) => writes.createIpAllowList(ctx, input) }),
  updateIpAllowList: t.field({
    type: IpAllowListRef,
    args: { id: t.arg.id({ required: true, validate: idRule }), input: t.arg({ type: IpAllowListInput, required: true }) },
    resolve: (_r, { id, input }, ctx) => writes.updateIpAllowList(ctx, String(id), input),
  }),
  deleteIpAllowList: t.boolean({ args: { id: t.arg.id({ required: true, validate: idRule }) }, resolve: (_r, a, ctx) => writes.deleteIpAllowList(ctx, String(a.id)) }),
  changePlan: t.field({
    type: PlanRef,
    args: { type: t.arg.string({ required: true, description: 'One of viewer.ns1.planTypes.type.', validate: z.string().regex(/^[a-z0-9_-]+$/, 'is not a plan type') }) },
    resolve: (_r, a, ctx) => writes.changePlan(ctx, a.type),
  }),
  addPaymentMethod: t.field({ type: PaymentMethodRef, args: { input: t.arg({ type: PaymentCardInput, required: true }) }, resolve: (_r, { input }, ctx) => writes.addPaymentMethod(ctx, input) }),
  setDefaultPaymentMethod: t.field({ type: PaymentMethodRef, args: { id: t.arg.id({ required: true, validate: idRule }) }, resolve: (_r, a, ctx) => writes.setDefaultPaymentMethod(ctx, String(a.id)) }),
  deletePaymentMethod: t.boolean({ args: { id: t.arg.id({ required: true, validate: idRule }) }, resolve: (_r, a, ctx) => writes.deletePaymentMethod(ctx, String(a.id)) }),
}));
