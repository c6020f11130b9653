import type { ApiKey } from './model.js';
import type { Ns1Context } from './state.js';

/** Every write through the sandbox leaves an entry in the account's activity log, with the resource where it is known. */
export function recordActivity(
  ctx: Ns1Context,
  key: ApiKey,
  action: 'create' | 'update' | 'delete',
  resourceType: string,
  resourceId: string,
  resource?: unknown,
): void {
  const state = ctx.state();
  state.activity.push({
    id: state.ids.next(),
    timestamp: ctx.clock.nowSeconds(),
    user_id: key.id,
    user_name: key.name,
    user_type: 'apikey',
    resource_id: resourceId,
    resource_type: resourceType,
    action,
    // A copy, so that the entry keeps the resource as it was then.
    ...(resource === undefined ? {} : { resource: JSON.parse(JSON.stringify(resource)) as unknown }),
  });
}
