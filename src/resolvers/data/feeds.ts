import { canSeeZone, seesEveryZone } from '../../auth/visible-zones.js';
import type { GatewayContext } from '../../context.js';
import { ns1Record } from '../../loaders/ns1-dns.js';
import { ns1DataFeed, ns1RecordById } from '../../loaders/ns1-ops.js';
import type { Ns1FeedDestination } from '../../providers/ns1/data.js';
import type { Ns1Record } from '../../providers/ns1/records.js';
import { badInput } from '../../errors/gateway-error.js';
import type { Maybe } from '../omit-nulls.js';
import { requireNs1 } from '../providers.js';
import { withSecretsKept } from '../write-only.js';
import { createInCollection } from '../writes/verified-create.js';
import { afterWrite } from './sources.js';

/** The full record a feed destination points at, or null when it no longer exists. */
export async function destinationRecord(ctx: GatewayContext, destination: Ns1FeedDestination): Promise<Ns1Record | null> {
  const deps = requireNs1(ctx);
  const summary = await ns1RecordById(deps, destination.recordId);
  return summary ? ns1Record(deps, { zone: summary.zone, domain: summary.domain, type: summary.type }) : null;
}

/** A feed's destinations, without those in zones the caller's token does not grant. */
export async function visibleDestinations(ctx: GatewayContext, destinations: Ns1FeedDestination[]): Promise<Ns1FeedDestination[]> {
  if (seesEveryZone(ctx)) return destinations;
  const deps = requireNs1(ctx);
  const records = await Promise.all(destinations.map((d) => ns1RecordById(deps, d.recordId)));
  return destinations.filter((_d, i) => {
    const zone = records[i]?.zone;
    return zone !== undefined && canSeeZone(ctx, zone);
  });
}

export function feedOfPointer(ctx: GatewayContext, pointer: { source: string; feed: string }) {
  return pointer.source ? ns1DataFeed(requireNs1(ctx), pointer.source, pointer.feed) : Promise.resolve(null);
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
      create: () => dataFeeds.create(sourceId, { name, config: input.config ?? {} }),
      isOurs: (feed) => feed.name === name,
    }),
  );
}

export async function updateDataFeed(
  ctx: GatewayContext,
  sourceId: string,
  feedId: string,
  input: { name?: Maybe<string>; config?: Maybe<Record<string, unknown>> },
) {
  const feeds = requireNs1(ctx).ns1.dataFeeds;
  const config = input.config ? await withSecretsKept(input.config, () => feeds.get(sourceId, feedId)) : undefined;
  return afterWrite(ctx, feeds.update(sourceId, feedId, { ...(input.name ? { name: input.name } : {}), ...(config ? { config } : {}) }));
}

export async function deleteDataFeed(ctx: GatewayContext, sourceId: string, feedId: string): Promise<boolean> {
  await afterWrite(ctx, requireNs1(ctx).ns1.dataFeeds.delete(sourceId, feedId));
  return true;
}
