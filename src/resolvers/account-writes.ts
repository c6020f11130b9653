import type { GatewayContext } from '../context.js';
import { checkCardNumber, checkCidrs, done, permissionsChange } from './account.js';
import { createApiKeyVerified } from './create-api-key.js';
import { requireNs1 } from './providers.js';
import { createInCollection } from './verified-create.js';

type Maybe<T> = T | null | undefined;
type Flags = Maybe<Record<string, Maybe<Record<string, unknown>>>>;

const clean = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
const ids = (values: Maybe<Array<string | number>>) => values?.map(String);
const ns1 = (ctx: GatewayContext) => requireNs1(ctx).ns1;

export function updateAccountSettings(ctx: GatewayContext, input: Record<string, unknown> & { address?: Maybe<Record<string, unknown>> }) {
  return ns1(ctx).accountSettings.update({ ...clean(input), ...(input.address ? { address: clean(input.address) } : {}) });
}

export function updateUsageWarnings(ctx: GatewayContext, input: { queries?: Maybe<Record<string, unknown>>; records?: Maybe<Record<string, unknown>> }) {
  return ns1(ctx).usageWarnings.update({
    ...(input.queries ? { queries: clean(input.queries) } : {}),
    ...(input.records ? { records: clean(input.records) } : {}),
  });
}

export const deleteUser = (ctx: GatewayContext, username: string) => done(ns1(ctx).users.delete(username));
export const reinviteUser = (ctx: GatewayContext, username: string) => done(ns1(ctx).users.reinvite(username));

export function createApiKey(ctx: GatewayContext, input: { name?: Maybe<string>; teamIds?: Maybe<Array<string | number>>; permissions?: Flags }) {
  return createApiKeyVerified(ctx, {
    name: input.name ?? 'API key',
    ...clean({ teamIds: ids(input.teamIds), permissions: permissionsChange(input.permissions) }),
  });
}

export function updateApiKey(ctx: GatewayContext, id: string, input: { name?: Maybe<string>; teamIds?: Maybe<Array<string | number>>; permissions?: Flags }) {
  return ns1(ctx).apiKeys.update(id, clean({ name: input.name, teamIds: ids(input.teamIds), permissions: permissionsChange(input.permissions) }));
}

export const deleteApiKey = (ctx: GatewayContext, id: string) => done(ns1(ctx).apiKeys.delete(id));

export function createTeam(ctx: GatewayContext, input: { name?: Maybe<string>; permissions?: Flags }) {
  const { teams } = ns1(ctx);
  const name = input.name ?? 'Team';
  return createInCollection(ctx, {
    what: 'team',
    list: () => teams.list(),
    create: () => teams.create({ name, ...clean({ permissions: permissionsChange(input.permissions) }) }),
    isOurs: (team) => team.name === name,
  });
}

export function updateTeam(ctx: GatewayContext, id: string, input: { name?: Maybe<string>; permissions?: Flags }) {
  return ns1(ctx).teams.update(id, clean({ name: input.name, permissions: permissionsChange(input.permissions) }));
}

export const deleteTeam = (ctx: GatewayContext, id: string) => done(ns1(ctx).teams.delete(id));

export function createIpAllowList(ctx: GatewayContext, input: { name?: Maybe<string>; values?: Maybe<string[]> }) {
  checkCidrs(input.values ?? [], 'input.values');
  const { ipAllowLists } = ns1(ctx);
  const name = input.name ?? 'Allow list';
  return createInCollection(ctx, {
    what: 'IP allow list',
    list: () => ipAllowLists.list(),
    create: () => ipAllowLists.create(name, input.values ?? []),
    isOurs: (list) => list.name === name,
  });
}

export function updateIpAllowList(ctx: GatewayContext, id: string, input: { name?: Maybe<string>; values?: Maybe<string[]> }) {
  checkCidrs(input.values ?? [], 'input.values');
  return ns1(ctx).ipAllowLists.update(id, clean({ name: input.name, values: input.values }));
}

export const deleteIpAllowList = (ctx: GatewayContext, id: string) => done(ns1(ctx).ipAllowLists.delete(id));
export const changePlan = (ctx: GatewayContext, type: string) => ns1(ctx).plan.update(type);

export function addPaymentMethod(ctx: GatewayContext, input: { number: string; expMonth: number; expYear: number; cvc?: Maybe<string>; name?: Maybe<string> }) {
  checkCardNumber(input.number);
  const { paymentMethods } = ns1(ctx);
  const number = input.number.replace(/[\s-]/g, '');
  return createInCollection(ctx, {
    what: 'payment method',
    list: () => paymentMethods.list(),
    create: () => paymentMethods.create({ number, expMonth: input.expMonth, expYear: input.expYear, ...clean({ cvc: input.cvc, name: input.name }) }),
    isOurs: (card) => card.last4 === number.slice(-4) && card.expMonth === input.expMonth && card.expYear === input.expYear,
  });
}

export const setDefaultPaymentMethod = (ctx: GatewayContext, id: string) => ns1(ctx).paymentMethods.update(id, { isDefault: true });
export const deletePaymentMethod = (ctx: GatewayContext, id: string) => done(ns1(ctx).paymentMethods.delete(id));
