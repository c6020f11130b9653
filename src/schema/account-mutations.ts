import { z } from 'zod';
import * as account from '../resolvers/account/users.js';
import * as writes from '../resolvers/account/ip-allow-lists.js';
import { builder } from './builder.js';
import { PaymentMethodRef, PlanRef } from './billing.js';
import { AccountSettingsRef, IpAllowListRef, UsageWarningsRef } from './ns1-account.js';
import { idRule, nameRule, PermissionsInput } from './permissions.js';
import { ApiKeyRef, CreateApiKeyPayloadRef, TeamRef } from './team.js';
import { UserRef } from './user.js';

const AddressInput = builder.inputType('AddressInput', {
  description: 'Changes to the postal address; fields left out stay as they are.',
  fields: (t) => ({
    street: t.string({ description: 'Street and number.' }),
    city: t.string({ description: 'City.' }),
    state: t.string({ description: 'State or region.' }),
    postalCode: t.string({ description: 'Postal code.' }),
    country: t.string({
      validate: z.string().regex(/^[A-Z]{2}$/, 'is not an ISO 3166 country code'),
      description: 'ISO 3166 two-letter country code, e.g. "US".',
    }),
  }),
});

const AccountSettingsInput = builder.inputType('AccountSettingsInput', {
  description: 'Changes to the account’s contact details; fields left out stay as they are.',
  fields: (t) => ({
    email: t.field({ type: 'EmailAddress', description: 'Contact e-mail address.' }),
    firstName: t.string({ validate: nameRule, description: 'Contact’s first name, 1 to 255 characters.' }),
    lastName: t.string({ validate: nameRule, description: 'Contact’s last name, 1 to 255 characters.' }),
    company: t.string({ validate: nameRule, description: 'Company name, 1 to 255 characters.' }),
    phone: t.string({
      validate: z.string().regex(/^\+?[0-9 ().-]{3,32}$/, 'is not a phone number'),
      description: 'Phone number: digits, spaces, ( ) . - and an optional leading +.',
    }),
    address: t.field({ type: AddressInput, description: 'Postal address.' }),
  }),
});

const percent = z.number().int().min(0).max(100);
const UsageWarningInput = builder.inputType('UsageWarningInput', {
  description: 'Overage warnings for queries or records; fields left out stay as they are.',
  fields: (t) => ({
    sendWarnings: t.boolean({ description: 'Send these warnings.' }),
    warning1: t.int({ validate: percent, description: 'First threshold, percent of the plan (0 to 100); NS1 wants it below warning2.' }),
    warning2: t.int({ validate: percent, description: 'Second threshold, percent of the plan (0 to 100).' }),
  }),
});
const UsageWarningsInput = builder.inputType('UsageWarningsInput', {
  description: 'Changes to overage warnings.',
  fields: (t) => ({
    queries: t.field({ type: UsageWarningInput, description: 'Warnings about queries.' }),
    records: t.field({ type: UsageWarningInput, description: 'Warnings about records.' }),
  }),
});

const UserInput = builder.inputType('UserInput', {
  description: 'An NS1 user, or changes to one. To create, name and email are required; on update, fields left out stay as they are.',
  fields: (t) => ({
    name: t.string({ validate: nameRule, description: 'Full name, 1 to 255 characters.' }),
    email: t.field({ type: 'EmailAddress', description: 'E-mail address; a new user’s invitation goes to it.' }),
    teamIds: t.idList({ description: 'Ids of the teams the user belongs to; replaces the user’s teams.' }),
    notifyBilling: t.boolean({ description: 'Send the user billing notifications.' }),
    permissions: t.field({ type: PermissionsInput, description: 'The user’s own permission flags.' }),
  }),
});

const ApiKeyInput = builder.inputType('ApiKeyInput', {
  description: 'An NS1 API key, or changes to one; on update, fields left out stay as they are.',
  fields: (t) => ({
    name: t.string({ validate: nameRule, description: 'Display name, 1 to 255 characters; "API key" when a new key has none.' }),
    teamIds: t.idList({ description: 'Ids of the teams the key belongs to; replaces the key’s teams.' }),
    permissions: t.field({ type: PermissionsInput, description: 'The key’s own permission flags.' }),
  }),
});

const TeamInput = builder.inputType('TeamInput', {
  description: 'An NS1 team, or changes to one; on update, fields left out stay as they are.',
  fields: (t) => ({
    name: t.string({ validate: nameRule, description: 'Display name, 1 to 255 characters; "Team" when a new team has none.' }),
    permissions: t.field({ type: PermissionsInput, description: 'Permission flags the team grants its members.' }),
  }),
});

const IpAllowListInput = builder.inputType('IpAllowListInput', {
  description: 'An IP allow list, or changes to one; on update, fields left out stay as they are.',
  fields: (t) => ({
    name: t.string({ validate: nameRule, description: 'Display name, 1 to 255 characters; "Allow list" when a new list has none.' }),
    values: t.stringList({ description: 'IP addresses or CIDR ranges.' }),
  }),
});

const PaymentCardInput = builder.inputType('PaymentCardInput', {
  description: 'A credit card to add to the NS1 account.',
  fields: (t) => ({
    number: t.string({
      required: true,
      description: 'Card number, 12 to 19 digits; spaces and dashes are ignored. A number that fails the checksum is refused before NS1 is called.',
    }),
    expMonth: t.int({ required: true, validate: z.number().int().min(1).max(12), description: 'Expiry month, 1 to 12.' }),
    expYear: t.int({
      required: true,
      validate: z.number().int().min(new Date().getUTCFullYear(), 'the card has expired').max(2100),
      description: 'Expiry year, four digits, not in the past.',
    }),
    cvc: t.string({ validate: z.string().regex(/^\d{3,4}$/, 'is 3 or 4 digits'), description: 'Security code, 3 or 4 digits.' }),
    name: t.string({ description: 'Cardholder name.' }),
  }),
});

const username = z.string().regex(/^[A-Za-z0-9._-]{2,64}$/, 'is 2 to 64 letters, digits, dots, dashes or underscores');

builder.mutationFields((t) => ({
  updateAccountSettings: t.field({
    type: AccountSettingsRef,
    args: { input: t.arg({ type: AccountSettingsInput, required: true }) },
    resolve: (_r, { input }, ctx) => writes.updateAccountSettings(ctx, input),
    description: 'Changes the NS1 account’s contact details (not customerId) and returns them as NS1 now has them.',
  }),
  updateUsageWarnings: t.field({
    type: UsageWarningsRef,
    args: { input: t.arg({ type: UsageWarningsInput, required: true }) },
    resolve: (_r, { input }, ctx) => writes.updateUsageWarnings(ctx, input),
    description: 'Changes when NS1 warns about overage and returns the warnings as NS1 now has them.',
  }),
  createUser: t.field({
    type: UserRef,
    args: { username: t.arg.string({ required: true, validate: username }), input: t.arg({ type: UserInput, required: true }) },
    resolve: (_r, args, ctx) => account.createUser(ctx, args.username, args.input),
    description:
      'Creates an NS1 user; NS1 e-mails an invitation to set a password. BAD_USER_INPUT without name or email, or for a username that is not 2 to 64 letters, digits, dots, dashes or underscores.',
  }),
  updateUser: t.field({
    type: UserRef,
    args: { username: t.arg.string({ required: true, validate: username }), input: t.arg({ type: UserInput, required: true }) },
    resolve: (_r, args, ctx) => account.updateUser(ctx, args.username, args.input),
    description: 'Changes an NS1 user’s name, e-mail, teams or permissions and returns the user as NS1 now has them.',
  }),
  deleteUser: t.boolean({
    args: { username: t.arg.string({ required: true, validate: username }) },
    resolve: (_r, a, ctx) => writes.deleteUser(ctx, a.username),
    description: 'Deletes an NS1 user, who can no longer log in; true once NS1 has removed them.',
  }),
  reinviteUser: t.boolean({
    args: { username: t.arg.string({ required: true, validate: username }) },
    resolve: (_r, a, ctx) => writes.reinviteUser(ctx, a.username),
    description: 'Sends an NS1 user the invitation e-mail again, e.g. when it expired; NS1 refuses it for a user who has already logged in. True once sent.',
  }),
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
    description: 'Changes an NS1 API key’s name, teams or permissions and returns it (without its secret).',
  }),
  deleteApiKey: t.boolean({
    args: { id: t.arg.id({ required: true, validate: idRule }) },
    resolve: (_r, a, ctx) => writes.deleteApiKey(ctx, String(a.id)),
    description: 'Deletes an NS1 API key; true once NS1 has removed it.',
  }),
  createTeam: t.field({
    type: TeamRef,
    args: { input: t.arg({ type: TeamInput, required: true }) },
    resolve: (_r, { input }, ctx) => writes.createTeam(ctx, input),
    description: 'Creates an NS1 team and returns it.',
  }),
  updateTeam: t.field({
    type: TeamRef,
    args: { id: t.arg.id({ required: true, validate: idRule }), input: t.arg({ type: TeamInput, required: true }) },
    resolve: (_r, { id, input }, ctx) => writes.updateTeam(ctx, String(id), input),
    description: 'Changes an NS1 team’s name or permissions and returns it as NS1 now has it.',
  }),
  deleteTeam: t.boolean({
    args: { id: t.arg.id({ required: true, validate: idRule }) },
    resolve: (_r, a, ctx) => writes.deleteTeam(ctx, String(a.id)),
    description: 'Deletes an NS1 team; true once NS1 has removed it.',
  }),
  createIpAllowList: t.field({
    type: IpAllowListRef,
    args: { input: t.arg({ type: IpAllowListInput, required: true }) },
    resolve: (_r, { input }, ctx) => writes.createIpAllowList(ctx, input),
    description: 'Creates an NS1 IP allow list and returns it. Each value must be an IP address or CIDR range (BAD_USER_INPUT otherwise).',
  }),
  updateIpAllowList: t.field({
    type: IpAllowListRef,
    args: { id: t.arg.id({ required: true, validate: idRule }), input: t.arg({ type: IpAllowListInput, required: true }) },
    resolve: (_r, { id, input }, ctx) => writes.updateIpAllowList(ctx, String(id), input),
    description: 'Changes an IP allow list’s name or values and returns it as NS1 now has it.',
  }),
  deleteIpAllowList: t.boolean({
    args: { id: t.arg.id({ required: true, validate: idRule }) },
    resolve: (_r, a, ctx) => writes.deleteIpAllowList(ctx, String(a.id)),
    description: 'Deletes an NS1 IP allow list; true once NS1 has removed it.',
  }),
  changePlan: t.field({
    type: PlanRef,
    args: {
      type: t.arg.string({
        required: true,
        description: 'One of viewer.ns1.planTypes.type.',
        validate: z.string().regex(/^[a-z0-9_-]+$/, 'is not a plan type'),
      }),
    },
    resolve: (_r, a, ctx) => writes.changePlan(ctx, a.type),
    description:
      'Changes the NS1 subscription plan and returns the plan NS1 reports. Per NS1, some changes are charged at once to the card on file, others are requests NS1 reviews.',
  }),
  addPaymentMethod: t.field({
    type: PaymentMethodRef,
    args: { input: t.arg({ type: PaymentCardInput, required: true }) },
    resolve: (_r, { input }, ctx) => writes.addPaymentMethod(ctx, input),
    description: 'Adds a credit card to the NS1 account and returns it (last four digits only).',
  }),
  setDefaultPaymentMethod: t.field({
    type: PaymentMethodRef,
    args: { id: t.arg.id({ required: true, validate: idRule }) },
    resolve: (_r, a, ctx) => writes.setDefaultPaymentMethod(ctx, String(a.id)),
    description: 'Makes a payment method the one invoices are charged to, and returns it.',
  }),
  deletePaymentMethod: t.boolean({
    args: { id: t.arg.id({ required: true, validate: idRule }) },
    resolve: (_r, a, ctx) => writes.deletePaymentMethod(ctx, String(a.id)),
    description: 'Deletes a payment method from the NS1 account; true once NS1 has removed it.',
  }),
}));
