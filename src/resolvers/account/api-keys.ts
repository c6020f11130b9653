import type { GatewayContext } from '../../context.js';
import { orNull } from '../../loaders/or-null.js';
import { omitNulls, type Maybe } from '../omit-nulls.js';
import { requireNs1 } from '../providers.js';
import { createApiKeyVerified } from './create-api-key.js';
import { whitelistChange } from './ip-allow-lists.js';
import { completed, forNew, permissionsChange, type PermissionFlags } from './permissions-change.js';

export interface ApiKeyArgs {
  name?: Maybe<string>;
  teamIds?: Maybe<Array<string | number>>;
  permissions?: PermissionFlags;
  ipWhitelist?: Maybe<string[]>;
  ipWhitelistStrict?: Maybe<boolean>;
}

export const apiKeys = (ctx: GatewayContext) => requireNs1(ctx).ns1.apiKeys.list();
export const apiKey = (ctx: GatewayContext, id: string) => orNull(requireNs1(ctx).ns1.apiKeys.get(id));

export function createApiKey(ctx: GatewayContext, input: ApiKeyArgs) {
  return createApiKeyVerified(ctx, {
    name: input.name ?? 'API key',
    ...omitNulls({ teamIds: input.teamIds?.map(String) }),
    permissions: forNew(permissionsChange(input.permissions)),
    ...whitelistChange(input),
  });
}

export async function updateApiKey(ctx: GatewayContext, id: string, input: ApiKeyArgs) {
  const keys = requireNs1(ctx).ns1.apiKeys;
  const change = {
    ...omitNulls({ name: input.name, teamIds: input.teamIds?.map(String), permissions: permissionsChange(input.permissions) }),
    ...whitelistChange(input),
  };
  return keys.update(id, await completed(change, () => keys.get(id)));
}

export async function deleteApiKey(ctx: GatewayContext, id: string): Promise<boolean> {
  await requireNs1(ctx).ns1.apiKeys.delete(id);
  return true;
}
