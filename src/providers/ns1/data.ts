import { z } from 'zod';
import { encodePath } from '../http.js';
import type { ProviderCalls } from '../provider-api.js';
import { createWithPut } from '../write-retries.js';
import { describedCatalogSchema, type Ns1Described } from './described.js';
import { jsonObject } from './fields.js';

const rawFeed = z.object({
  id: z.string(),
  name: z.string(),
  config: jsonObject,
  data: jsonObject,
  destinations: z.array(z.object({ destid: z.string(), desttype: z.string(), record: z.string() })).nullish(),
});

/** NS1 does not repeat the source in a feed's body: the feed learns it from the path it was read at. */
const feedFor = (sourceId: string) =>
  rawFeed.transform((f) => ({
    id: f.id,
    sourceId,
    name: f.name,
    config: f.config,
    data: f.data,
    destinations: (f.destinations ?? []).map((d) => ({ destType: d.desttype, destId: d.destid, recordId: d.record })),
  }));

const sourceSchema = z
  .object({ id: z.string(), name: z.string(), sourcetype: z.string(), config: jsonObject, status: z.string().nullish(), feeds: z.array(rawFeed).nullish() })
  .transform((s) => ({
    id: s.id,
    name: s.name,
    sourceType: s.sourcetype,
    config: s.config,
    status: s.status ?? null,
    feeds: (s.feeds ?? []).map((f) => feedFor(s.id).parse(f)),
  }));

export type Ns1DataFeed = z.output<ReturnType<typeof feedFor>>;
export type Ns1FeedDestination = Ns1DataFeed['destinations'][number];
export type Ns1DataSource = z.output<typeof sourceSchema>;

export interface Ns1DataSourceWrite {
  name?: string;
  sourceType?: string;
  config?: Record<string, unknown>;
}

export interface Ns1DataFeedWrite {
  name?: string;
  config?: Record<string, unknown>;
}

const sourceListSchema = z.array(sourceSchema);

/** The kinds of data source NS1 offers: GET /data/sourcetypes. */
export class Ns1DataSourceTypes {
  constructor(private readonly api: ProviderCalls) {}

  list(): Promise<Ns1Described[]> {
    return this.api.call({ method: 'GET', path: '/data/sourcetypes' }, describedCatalogSchema, 'data source types');
  }
}

/** NS1 data sources, with their feeds: /data/sources. */
export class Ns1DataSources {
  constructor(private readonly api: ProviderCalls) {}

  list(): Promise<Ns1DataSource[]> {
    return this.api.call({ method: 'GET', path: '/data/sources' }, sourceListSchema, 'data source list');
  }

  get(id: string): Promise<Ns1DataSource> {
    return this.api.call({ method: 'GET', path: encodePath('data', 'sources', id) }, sourceSchema, 'data source');
  }

  create(input: Ns1DataSourceWrite): Promise<Ns1DataSource> {
    const json = { name: input.name, sourcetype: input.sourceType, config: input.config ?? {} };
    return this.api.call(createWithPut('/data/sources', { json }), sourceSchema, 'data source');
  }

  update(id: string, input: Ns1DataSourceWrite): Promise<Ns1DataSource> {
    return this.api.call(
      { method: 'POST', path: encodePath('data', 'sources', id), json: { name: input.name, config: input.config } },
      sourceSchema,
      'data source',
    );
  }

  async delete(id: string): Promise<void> {
    await this.api.send({ method: 'DELETE', path: encodePath('data', 'sources', id) });
  }
}

/** NS1 data feeds of a source: /data/feeds/:sourceid, and publishing to them at /feed/:sourceid. */
export class Ns1DataFeeds {
  constructor(private readonly api: ProviderCalls) {}

  list(sourceId: string): Promise<Ns1DataFeed[]> {
    return this.api.call({ method: 'GET', path: encodePath('data', 'feeds', sourceId) }, z.array(feedFor(sourceId)), 'data feed list');
  }

  get(sourceId: string, feedId: string): Promise<Ns1DataFeed> {
    return this.api.call({ method: 'GET', path: encodePath('data', 'feeds', sourceId, feedId) }, feedFor(sourceId), 'data feed');
  }

  create(sourceId: string, input: Ns1DataFeedWrite): Promise<Ns1DataFeed> {
    const json = { name: input.name, config: input.config ?? {} };
    return this.api.call(createWithPut(encodePath('data', 'feeds', sourceId), { json }), feedFor(sourceId), 'data feed');
  }

  update(sourceId: string, feedId: string, input: Ns1DataFeedWrite): Promise<Ns1DataFeed> {
    return this.api.call(
      { method: 'POST', path: encodePath('data', 'feeds', sourceId, feedId), json: { name: input.name, config: input.config } },
      feedFor(sourceId),
      'data feed',
    );
  }

  async delete(sourceId: string, feedId: string): Promise<void> {
    await this.api.send({ method: 'DELETE', path: encodePath('data', 'feeds', sourceId, feedId) });
  }

  /** POST /feed/:sourceid: metadata for every feed of the source, or keyed by feed label. */
  async publish(sourceId: string, data: Record<string, unknown>): Promise<void> {
    await this.api.send({ method: 'POST', path: encodePath('feed', sourceId), json: data });
  }
}
