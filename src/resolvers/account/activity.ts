import type { GatewayContext } from '../../context.js';
import { badInput } from '../../errors/gateway-error.js';
import { omitNulls, type Maybe } from '../omit-nulls.js';
import { requireNs1 } from '../providers.js';

export function activity(
  ctx: GatewayContext,
  filter: { limit?: Maybe<number>; start?: Maybe<Date>; end?: Maybe<Date>; resourceType?: Maybe<string>; user?: Maybe<string>; resourceId?: Maybe<string> },
) {
  if (filter.start && filter.end && filter.start > filter.end) throw badInput('start', 'must be before end');
  return requireNs1(ctx).ns1.activity.list(omitNulls(filter));
}
