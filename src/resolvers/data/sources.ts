import type { GatewayContext } from '../../context.js';
import { badInput } from '../../errors/gateway-error.js';
import { forgetNs1Sources } from '../../loaders/ns1-ops.js';
import type { Maybe } from '../omit-nulls.js';
import { requireNs1 } from '../providers.js';
import { withSecretsKept } from '../write-only.js';
import { createInCollection } from '../writes/verified-create.js';

/** After a write the next read must see it: the request's sources (and their feeds) are read again. */
export async function afterWrite<T>(ctx: GatewayContext, write: Promise<T>): Promise<T> {
  const result = await write;
  forgetNs1Sources(requireNs1(ctx));
  return result;
}

export const dataSourceTypes = (ctx: GatewayContext) => requireNs1(ctx).ns1.dataSourceTypes.list();

export function createDataSource(ctx: GatewayContext, input: { name: string; sourceType: string; config?: Maybe<Record<string, unknown>> }) {
  const { dataSources } = requireNs1(ctx).ns1;
  return afterWrite(
    ctx,
    createInCollection(ctx, {
      what: 'data source',
      list: () => dataSources.list(),
      create: () => dataSources.create({ name: input.name, sourceType: input.sourceType, config: input.config ?? {} }),
      isOurs: (source) => source.name === input.name,
    }),
  );
}

export async function updateDataSource(ctx: GatewayContext, id: string, input: { name?: Maybe<string>; config?: Maybe<Record<string, unknown>> }) {
  const sources = requireNs1(ctx).ns1.dataSources;
  const config = input.config ? await withSecretsKept(input.config, () => sources.get(id)) : undefined;
  return afterWrite(ctx, sources.update(id, { ...(input.name ? { name: input.name } : {}), ...(config ? { config } : {}) }));
}

export async function deleteDataSource(ctx: GatewayContext, id: string): Promise<boolean> {
  await afterWrite(ctx, requireNs1(ctx).ns1.dataSources.delete(id));
  return true;
}

export async function publishFeedData(ctx: GatewayContext, sourceId: string, data: Record<string, unknown>): Promise<boolean> {
  if (Object.keys(data).length === 0) throw badInput('data', 'publish at least one metadata value');
  const deps = requireNs1(ctx);
  await deps.ns1.dataFeeds.publish(sourceId, data);
  forgetNs1Sources(deps);
  return true;
}
