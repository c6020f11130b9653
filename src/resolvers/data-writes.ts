import type { GatewayContext } from '../context.js';
import { badInput } from '../errors/gateway-error.js';
import { forgetNs1Sources } from '../loaders/ns1-ops.js';
import { requireNs1 } from './providers.js';
import { createInCollection } from './verified-create.js';

type Maybe<T> = T | null | undefined;
const given = <T>(value: Maybe<T>): T | undefined => (value === null ? undefined : value);

async function afterWrite<T>(ctx: GatewayContext, write: Promise<T>): Promise<T> {
  const result = await write;
  forgetNs1Sources(requireNs1(ctx));
  return result;
}

export function createDataSource(ctx: GatewayContext, input: { name: string; sourceType: string; config?: Maybe<Record<string, unknown>> }) {
  const { dataSources } = requireNs1(ctx).ns1;
  return afterWrite(
    ctx,
    createInCollection(ctx, {
      what: 'data source',
      list: () => dataSources.list(),
      create: () => dataSources.create({ name: input.name, sourceType: input.sourceType, config: given(input.config) ?? {} }),
      isOurs: (source) => source.name === input.name,
    }),
  );
}

export function updateDataSource(ctx: GatewayContext, id: string, input: { name?: Maybe<string>; config?: Maybe<Record<string, unknown>> }) {
  return afterWrite(
    ctx,
    requireNs1(ctx).ns1.dataSources.update(id, { ...(input.name ? { name: input.name } : {}), ...(input.config ? { config: input.config } : {}) }),
  );
}

export async function deleteDataSource(ctx: GatewayContext, id: string): Promise<boolean> {
  await afterWrite(ctx, requireNs1(ctx).ns1.dataSources.delete(id));
  return true;
}

export function createDataFeed(ctx: GatewayContext, sourceId: string, input: { name?: Maybe<string>; config?: Maybe<Record<string, unknown>> }) {
  if (!input.name) throw badInput('input.name', 'a new feed needs a name');
  const { dataFeeds } = requireNs1(ctx).ns1;
  const name = input.name;
  return afterWrite(
    ctx,
    createInCollection(ctx, {
      what: 'data feed',
      list: () => dataFeeds.list(sourceId),
      create: () => dataFeeds.create(sourceId, { name, config: given(input.config) ?? {} }),
      isOurs: (feed) => feed.name === name,
    }),
  );
}

export function updateDataFeed(
  ctx: GatewayContext,
  sourceId: string,
  feedId: string,
  input: { name?: Maybe<string>; config?: Maybe<Record<string, unknown>> },
) {
  return afterWrite(
    ctx,
    requireNs1(ctx).ns1.dataFeeds.update(sourceId, feedId, { ...(input.name ? { name: input.name } : {}), ...(input.config ? { config: input.config } : {}) }),
  );
}

export async function deleteDataFeed(ctx: GatewayContext, sourceId: string, feedId: string): Promise<boolean> {
  await afterWrite(ctx, requireNs1(ctx).ns1.dataFeeds.delete(sourceId, feedId));
  return true;
}

export async function publishFeedData(ctx: GatewayContext, sourceId: string, data: Record<string, unknown>): Promise<boolean> {
  if (Object.keys(data).length === 0) throw badInput('data', 'publish at least one metadata value');
  const deps = requireNs1(ctx);
  await deps.ns1.dataFeeds.publish(sourceId, data);
  forgetNs1Sources(deps);
  return true;
}
