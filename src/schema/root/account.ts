import { z } from 'zod';
import { createApiKey, deleteApiKey, updateApiKey } from '../../resolvers/account/api-keys.js';
import { createIpAllowList, deleteIpAllowList, updateIpAllowList } from '../../resolvers/account/ip-allow-lists.js';
import { addPaymentMethod, deletePaymentMethod, setDefaultPaymentMethod } from '../../resolvers/account/payment-methods.js';
import { changePlan } from '../../resolvers/account/plans.js';
import { updateAccountSettings, updateUsageWarnings } from '../../resolvers/account/settings.js';
import { createTeam, deleteTeam, updateTeam } from '../../resolvers/account/teams.js';
import { createUser, deleteUser, reinviteUser, updateUser } from '../../resolvers/account/users.js';
import { AccountSettingsInput, AccountSettingsRef } from '../account-settings.js';
import { ApiKeyInput, ApiKeyRef, CreateApiKeyPayloadRef } from '../api-key.js';
import { builder } from '../builder.js';
import { PlanPeriodEnum } from '../plan-period.js';
import { idRule } from '../input-rules.js';
import { IpAllowListInput, IpAllowListRef } from '../ip-allow-list.js';
import { PaymentCardInput, PaymentMethodRef } from '../payment-method.js';
import { PlanRef } from '../plan.js';
import { PulsarRef } from '../pulsar.js';
import { StatsRef } from '../stats.js';
import { TeamInput, TeamRef } from '../team.js';
import { UsageWarningsInput, UsageWarningsRef } from '../usage-warnings.js';
import { UserInput, UserRef } from '../user.js';

builder.queryField('stats', (t) =>
  t.field({
    type: StatsRef,
    resolve: () => ({}),
    description:
      'Account-wide NS1 traffic: queries per second now, and usage over a period. Its fields fail with PROVIDER_NOT_CONFIGURED without NS1 credentials.',
  }),
);

builder.queryField('pulsar', (t) =>
  t.field({ type: PulsarRef, nullable: true, description: 'Null when NS1 is not configured.', resolve: (_r, _a, ctx) => (ctx.ns1 ? {} : null) }),
);

const username = z.string().regex(/^[A-Za-z0-9._-]{2,64}$/, 'is 2 to 64 letters, digits, dots, dashes or underscores');

builder.mutationFields((t) => ({
  updateAccountSettings: t.field({
    type: AccountSettingsRef,
    args: { input: t.arg({ type: AccountSettingsInput, required: true }) },
    resolve: (_r, { input }, ctx) => updateAccountSettings(ctx, input),
    description: 'Changes the NS1 account’s contact details (not customerId) and returns them as NS1 now has them.',
  }),
  updateUsageWarnings: t.field({
    type: UsageWarningsRef,
    args: { input: t.arg({ type: UsageWarningsInput, required: true }) },
    resolve: (_r, { input }, ctx) => updateUsageWarnings(ctx, input),
    description: 'Changes when NS1 warns about overage and returns the warnings as NS1 now has them.',
  }),
  createUser: t.field({
    type: UserRef,
    args: { username: t.arg.string({ required: true, validate: username }), input: t.arg({ type: UserInput, required: true }) },
    resolve: (_r, args, ctx) => createUser(ctx, args.username, args.input),
    description:
      'Creates an NS1 user; NS1 e-mails an invitation to set a password. BAD_USER_INPUT without name or email, or for a username that is not 2 to 64 letters, digits, dots, dashes or underscores.',
  }),
  updateUser: t.field({
    type: UserRef,
    args: { username: t.arg.string({ required: true, validate: username }), input: t.arg({ type: UserInput, required: true }) },
    resolve: (_r, args, ctx) => updateUser(ctx, args.username, args.input),
    description: 'Changes an NS1 user’s name, e-mail, teams or permissions and returns the user as NS1 now has them.',
  }),
  deleteUser: t.boolean({
    args: { username: t.arg.string({ required: true, validate: username }) },
    resolve: (_r, a, ctx) => deleteUser(ctx, a.username),
    description: 'Deletes an NS1 user, who can no longer log in; true once NS1 has removed them.',
  }),
  reinviteUser: t.boolean({
    args: { username: t.arg.string({ required: true, validate: username }) },
    resolve: (_r, a, ctx) => reinviteUser(ctx, a.username),
    description: 'Sends an NS1 user the invitation e-mail again, e.g. when it expired; NS1 refuses it for a user who has already logged in. True once sent.',
  }),
  createApiKey: t.field({
    type: CreateApiKeyPayloadRef,
    description: 'Creates an NS1 API key; its secret is in this answer only.',
    args: { input: t.arg({ type: ApiKeyInput, required: true }) },
    resolve: (_r, { input }, ctx) => createApiKey(ctx, input),
  }),
  updateApiKey: t.field({
    type: ApiKeyRef,
    args: { id: t.arg.id({ required: true, validate: idRule }), input: t.arg({ type: ApiKeyInput, required: true }) },
    resolve: (_r, { id, input }, ctx) => updateApiKey(ctx, String(id), input),
    description: 'Changes an NS1 API key’s name, teams or permissions and returns it (without its secret).',
  }),
  deleteApiKey: t.boolean({
    args: { id: t.arg.id({ required: true, validate: idRule }) },
    resolve: (_r, a, ctx) => deleteApiKey(ctx, String(a.id)),
    description: 'Deletes an NS1 API key; true once NS1 has removed it.',
  }),
  createTeam: t.field({
    type: TeamRef,
    args: { input: t.arg({ type: TeamInput, required: true }) },
    resolve: (_r, { input }, ctx) => createTeam(ctx, input),
    description: 'Creates an NS1 team and returns it.',
  }),
  updateTeam: t.field({
    type: TeamRef,
    args: { id: t.arg.id({ required: true, validate: idRule }), input: t.arg({ type: TeamInput, required: true }) },
    resolve: (_r, { id, input }, ctx) => updateTeam(ctx, String(id), input),
    description: 'Changes an NS1 team’s name or permissions and returns it as NS1 now has it.',
  }),
  deleteTeam: t.boolean({
    args: { id: t.arg.id({ required: true, validate: idRule }) },
    resolve: (_r, a, ctx) => deleteTeam(ctx, String(a.id)),
    description: 'Deletes an NS1 team; true once NS1 has removed it.',
  }),
  createIpAllowList: t.field({
    type: IpAllowListRef,
    args: { input: t.arg({ type: IpAllowListInput, required: true }) },
    resolve: (_r, { input }, ctx) => createIpAllowList(ctx, input),
    description: 'Creates an NS1 IP allow list and returns it. Each value must be an IP address or CIDR range (BAD_USER_INPUT otherwise).',
  }),
  updateIpAllowList: t.field({
    type: IpAllowListRef,
    args: { id: t.arg.id({ required: true, validate: idRule }), input: t.arg({ type: IpAllowListInput, required: true }) },
    resolve: (_r, { id, input }, ctx) => updateIpAllowList(ctx, String(id), input),
    description: 'Changes an IP allow list’s name or values and returns it as NS1 now has it.',
  }),
  deleteIpAllowList: t.boolean({
    args: { id: t.arg.id({ required: true, validate: idRule }) },
    resolve: (_r, a, ctx) => deleteIpAllowList(ctx, String(a.id)),
    description: 'Deletes an NS1 IP allow list; true once NS1 has removed it.',
  }),
  changePlan: t.field({
    type: PlanRef,
    nullable: true,
    args: {
      type: t.arg.string({
        required: true,
        description: 'One of viewer.ns1.planTypes.type.',
        validate: z.string().regex(/^[a-z0-9_-]+$/, 'is not a plan type'),
      }),
      period: t.arg({ type: PlanPeriodEnum, description: 'The term to pay for; the plan type’s own when left out.' }),
      notes: t.arg.string({
        description: 'Notes for NS1 about a change it reviews (a professional or enterprise plan), up to 1000 characters.',
        validate: z.string().max(1000),
      }),
    },
    resolve: (_r, a, ctx) => changePlan(ctx, a.type, { period: a.period, notes: a.notes }),
    description:
      'Changes the NS1 subscription plan and returns the plan NS1 reports. Per NS1, some changes are charged at once to the card on file, others are requests NS1 reviews: null when NS1 took the change as such a request and the plan is not changed yet.',
  }),
  addPaymentMethod: t.field({
    type: PaymentMethodRef,
    args: { input: t.arg({ type: PaymentCardInput, required: true }) },
    resolve: (_r, { input }, ctx) => addPaymentMethod(ctx, input),
    description: 'Adds a credit card to the NS1 account and returns it (last four digits only).',
  }),
  setDefaultPaymentMethod: t.field({
    type: PaymentMethodRef,
    args: { id: t.arg.id({ required: true, validate: idRule }) },
    resolve: (_r, a, ctx) => setDefaultPaymentMethod(ctx, String(a.id)),
    description: 'Makes a payment method the one invoices are charged to, and returns it.',
  }),
  deletePaymentMethod: t.boolean({
    args: { id: t.arg.id({ required: true, validate: idRule }) },
    resolve: (_r, a, ctx) => deletePaymentMethod(ctx, String(a.id)),
    description: 'Deletes a payment method from the NS1 account; true once NS1 has removed it.',
  }),
}));
