import { isIP } from 'node:net';
import type { GatewayContext } from '../context.js';
import { toDecimal } from '../domain/decimal.js';
import { badInput, GatewayError } from '../errors/gateway-error.js';
import { ns1Invoices, ns1Team } from '../loaders/ns1-ops.js';
import type { ActivityFilter } from '../providers/ns1/activity.js';
import type { Ns1Invoice } from '../providers/ns1/billing.js';
import type { DeepPartial, Ns1Permissions } from '../providers/ns1/permissions.js';
import type { Ns1User, Ns1UserWrite } from '../providers/ns1/people.js';
import { requireNs1 } from './providers.js';
import { createAtKey } from './verified-create.js';

type Maybe<T> = T | null | undefined;

/** A User of the schema from an NS1 account user. */
export function ns1UserShape(user: Ns1User) {
  return { provider: 'ns1' as const, username: user.username, name: user.name, email: user.email, lastAccessAt: user.lastAccessAt, ns1: user };
}

export const settings = (ctx: GatewayContext) => requireNs1(ctx).ns1.accountSettings.get();
export const usageWarnings = (ctx: GatewayContext) => requireNs1(ctx).ns1.usageWarnings.get();
export const plan = (ctx: GatewayContext) => requireNs1(ctx).ns1.plan.get();
export const planTypes = (ctx: GatewayContext) => requireNs1(ctx).ns1.planTypes.list();
export const bill = (ctx: GatewayContext) => requireNs1(ctx).ns1.bill.get();
export const invoices = (ctx: GatewayContext) => ns1Invoices(requireNs1(ctx));
export const invoice = async (ctx: GatewayContext, id: string) => (await invoices(ctx)).find((i) => i.id === id) ?? null;
export const paymentMethods = (ctx: GatewayContext) => requireNs1(ctx).ns1.paymentMethods.list();
export const apiKeys = (ctx: GatewayContext) => requireNs1(ctx).ns1.apiKeys.list();
export const teams = (ctx: GatewayContext) => requireNs1(ctx).ns1.teams.list();
export const ipAllowLists = (ctx: GatewayContext) => requireNs1(ctx).ns1.ipAllowLists.list();
export const accountQps = (ctx: GatewayContext) => requireNs1(ctx).ns1.qps.get({});
export const pulsarApps = (ctx: GatewayContext) => requireNs1(ctx).ns1.pulsarApps.list();

export async function users(ctx: GatewayContext) {
  return (await requireNs1(ctx).ns1.users.list()).map(ns1UserShape);
}

async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (error && typeof error === 'object' && 'code' in error && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

export async function user(ctx: GatewayContext, username: string) {
  const found = await orNull(requireNs1(ctx).ns1.users.get(username));
  return found ? ns1UserShape(found) : null;
}

export const apiKey = (ctx: GatewayContext, id: string) => orNull(requireNs1(ctx).ns1.apiKeys.get(id));
export const team = (ctx: GatewayContext, id: string) => ns1Team(requireNs1(ctx), id);

export async function teamsOf(ctx: GatewayContext, ids: string[]) {
  const found = await Promise.all(ids.map((id) => ns1Team(requireNs1(ctx), id)));
  return found.filter((t) => t !== null);
}

export function activity(
  ctx: GatewayContext,
  filter: { limit?: Maybe<number>; start?: Maybe<Date>; end?: Maybe<Date>; resourceType?: Maybe<string>; user?: Maybe<string>; resourceId?: Maybe<string> },
) {
  if (filter.start && filter.end && filter.start > filter.end) throw badInput('start', 'must be before end');
  const clean: ActivityFilter = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== null && v !== undefined));
  return requireNs1(ctx).ns1.activity.list(clean);
}

export function invoiceAmount(invoice: Ns1Invoice): string {
  const amount = toDecimal(invoice.amount);
  if (amount === undefined)
    throw new GatewayError('UPSTREAM_ERROR', `NS1 sent invoice ${invoice.id} with an amount that is not a number: "${invoice.amount}"`, { provider: 'ns1' });
  return amount;
}

export const invoiceDownloadUrl = (ctx: GatewayContext, invoice: Ns1Invoice) => requireNs1(ctx).ns1.invoices.downloadUrl(invoice);

export function usage(ctx: GatewayContext, options: { period: '1h' | '24h' | '30d'; expand: boolean; byTier: boolean }) {
  return requireNs1(ctx).ns1.usage.list({}, { period: options.period, expand: options.expand, aggregate: !options.expand, byTier: options.byTier });
}

export const pulsarJobs = (ctx: GatewayContext, appId: string) => requireNs1(ctx).ns1.pulsarJobs.list(appId);
export const pulsarApp = (ctx: GatewayContext, id: string) => orNull(requireNs1(ctx).ns1.pulsarApps.get(id));
export const pulsarLive = (ctx: GatewayContext, appId: string, jobId: string) => requireNs1(ctx).ns1.pulsarData.get(appId, jobId);
export function pulsarData(
  ctx: GatewayContext,
  appId: string,
  jobId: string,
  options: { period?: Maybe<string>; agg?: Maybe<string>; geo?: Maybe<string>; asn?: Maybe<string>; start?: Maybe<Date>; end?: Maybe<Date> },
) {
  return requireNs1(ctx).ns1.pulsarData.list(appId, jobId, Object.fromEntries(Object.entries(options).filter(([, v]) => v !== null && v !== undefined)));
}

/** Permission flags as the client takes them: only those the caller gave. */
export function permissionsChange(input: Maybe<Record<string, Maybe<Record<string, unknown>>>>): DeepPartial<Ns1Permissions> | undefined {
  if (!input) return undefined;
  const out: Record<string, Record<string, unknown>> = {};
  for (const [group, flags] of Object.entries(input)) {
    if (!flags) continue;
    out[group] = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== null && v !== undefined));
  }
  return out;
}

export interface UserArgs {
  name?: Maybe<string>;
  email?: Maybe<string>;
  teamIds?: Maybe<Array<string | number>>;
  notifyBilling?: Maybe<boolean>;
  permissions?: Maybe<Record<string, Maybe<Record<string, unknown>>>>;
}

function userWrite(args: UserArgs): Ns1UserWrite {
  const permissions = permissionsChange(args.permissions);
  return {
    ...(args.name ? { name: args.name } : {}),
    ...(args.email ? { email: args.email } : {}),
    ...(args.teamIds ? { teamIds: args.teamIds.map(String) } : {}),
    ...(args.notifyBilling != null ? { notifyBilling: args.notifyBilling } : {}),
    ...(permissions ? { permissions } : {}),
  };
}

export async function createUser(ctx: GatewayContext, username: string, args: UserArgs) {
  if (!args.name) throw badInput('input.name', 'a new user needs a name');
  if (!args.email) throw badInput('input.email', 'a new user needs an e-mail address');
  const { users } = requireNs1(ctx).ns1;
  return ns1UserShape(
    await createAtKey(ctx, { what: `user ${username}`, read: () => users.get(username), create: () => users.create(username, userWrite(args)) }),
  );
}

export async function updateUser(ctx: GatewayContext, username: string, args: UserArgs) {
  return ns1UserShape(await requireNs1(ctx).ns1.users.update(username, userWrite(args)));
}

export async function done(promise: Promise<unknown>): Promise<boolean> {
  await promise;
  return true;
}

export function checkCidrs(values: string[], field: string): void {
  for (const [i, value] of values.entries()) {
    const [ip, bits, extra] = value.split('/');
    const version = ip ? isIP(ip) : 0;
    const n = bits === undefined ? undefined : Number(bits);
    const ok = version !== 0 && extra === undefined && (n === undefined || (Number.isInteger(n) && n >= 0 && n <= (version === 4 ? 32 : 128)));
    if (!ok) throw badInput(`${field}[${i}]`, `"${value}" is not an IP address or CIDR range`);
  }
}

/** Luhn's check, so a mistyped card number is caught before it reaches NS1. */
export function checkCardNumber(number: string): void {
  const digits = number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(digits)) throw badInput('input.number', 'a card number has 12 to 19 digits');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  if (sum % 10 !== 0) throw badInput('input.number', 'the card number is not valid (checksum)');
}
