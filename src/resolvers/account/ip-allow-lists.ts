import { z } from 'zod';
import type { GatewayContext } from '../../context.js';
import { badInput } from '../../errors/gateway-error.js';
import { omitNulls, type Maybe } from '../omit-nulls.js';
import { requireNs1 } from '../providers.js';
import { createInCollection } from '../writes/verified-create.js';

export interface IpAllowListArgs {
  name?: Maybe<string>;
  values?: Maybe<string[]>;
}

const addressOrRange = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]);

/** Each value an IP address or CIDR range, or BAD_USER_INPUT naming the first that is not. */
export function checkAddresses(values: string[], field: string): void {
  for (const [i, value] of values.entries()) {
    if (!addressOrRange.safeParse(value).success) throw badInput(`${field}[${i}]`, `"${value}" is not an IP address or CIDR range`);
  }
}

const checkValues = (values: string[]): void => checkAddresses(values, 'input.values');

/** A user's or API key's whitelist as NS1 takes it (only what was given), its addresses checked first. */
export function whitelistChange(input: { ipWhitelist?: Maybe<string[]>; ipWhitelistStrict?: Maybe<boolean> }) {
  if (input.ipWhitelist) checkAddresses(input.ipWhitelist, 'input.ipWhitelist');
  return omitNulls({ ipWhitelist: input.ipWhitelist, ipWhitelistStrict: input.ipWhitelistStrict });
}

/** A team's whitelist records as NS1 takes them, every address checked first; null when not given. */
export function teamWhitelistChange(records: Maybe<Array<{ name?: Maybe<string>; values: string[] }>>) {
  if (!records) return undefined;
  return records.map((record, i) => {
    checkAddresses(record.values, `input.ipWhitelist[${i}].values`);
    return omitNulls({ name: record.name, values: record.values });
  });
}

export const ipAllowLists = (ctx: GatewayContext) => requireNs1(ctx).ns1.ipAllowLists.list();

export function createIpAllowList(ctx: GatewayContext, input: IpAllowListArgs) {
  const values = input.values;
  if (!values?.length) throw badInput('input.values', 'a new allow list needs at least one address or range');
  checkValues(values);
  const { ipAllowLists } = requireNs1(ctx).ns1;
  const name = input.name ?? 'Allow list';
  return createInCollection(ctx, {
    what: 'IP allow list',
    list: () => ipAllowLists.list(),
    create: () => ipAllowLists.create(name, values),
    isOurs: (list) => list.name === name,
  });
}

export function updateIpAllowList(ctx: GatewayContext, id: string, input: IpAllowListArgs) {
  checkValues(input.values ?? []);
  return requireNs1(ctx).ns1.ipAllowLists.update(id, omitNulls({ name: input.name, values: input.values }));
}

export async function deleteIpAllowList(ctx: GatewayContext, id: string): Promise<boolean> {
  await requireNs1(ctx).ns1.ipAllowLists.delete(id);
  return true;
}
