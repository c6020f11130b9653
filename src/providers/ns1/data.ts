import { z } from 'zod';
import { encodePath } from '../http.js';
import type { Ns1Api } from './api.js';
import { describedCatalogSchema, jsonObject, toDescribed, type Ns1Described } from './ops-schemas.js';

export interface Ns1FeedDestination {
  destType: string;
  destId: string;
  recordId: string;
}

export interface Ns1DataFeed {
  id: string;
  sourceId: string;
  name: string;
  config: Record<string, unknown>;
  data: Record<string, unknown>;
  destinations: Ns1FeedDestination[];
}

export interface Ns1DataSource {
  id: string;
  name: string;
  sourceType: string;
  config: Record<string, unknown>;
  status: string | null;
  feeds: Ns1DataFeed[];
}

const rawFeed = z.object({
  id: z.string(),
  name: z.string(),
  config: jsonObject,
  data: jsonObject,
  destinations: z.array(z.object({ destid: z.string(), desttype: z.string(), record: z.string() })).nullish(),
});

const feedFor = (sourceId: string) =>
  rawFeed.transform((f): Ns1DataFeed => ({
    id: f.id,
    sourceId,
    name: f.name,
    config: f.config,
    data: f.data,
    destinations: (f.destinations ?? []).map((d) => ({ destType: d.desttype, destId: d.destid, recordId: d.record })),
  }));

const sourceSchema = z
  .object({ id: z.string(), name: z.string(), sourcetype: z.string(), config: jsonObject, status: z.string().nullish(), feeds: z.array(rawFeed).nullish() })
  .transform((s): Ns1DataSource => ({
    id: s.id,
    name: s.name,
    sourceType: s.sourcetype,
    config: s.config,
    status: s.status ?? null,
    feeds: (s.feeds ?? []).map((f) => feedFor(s.id).parse(f)),
  }));

export interface Ns1DataSourceWrite {
  name?: string;
  sourceType?: string;
  config?: Record<string, unknown>;
}

export interface Ns1DataFeedWrite {
  name?: string;
  config?: Record<string, unknown>;
}

/** NS1 data sources and feeds: /data/sourcetypes, /data/sources, /data/feeds, and publishing at /feed/:sourceid. */
export class Ns1Data {
  constructor(private readonly api: Ns1Api) {}

  async sourceTypes(): Promise<Ns1Described[]> {
    return toDescribed(await this.api.call({ method: 'GET', path: '/data/sourcetypes' }, describedCatalogSchema, 'data source types'));
  }

  sources(): Promise<Ns1DataSource[]> {
    return this.api.call({ method: 'GET', path: '/data/sources' }, z.array(sourceSchema), 'data source list');
  }

  source(id: string): Promise<Ns1DataSource> {
    return this.api.call({ method: 'GET', path: encodePath('data', 'sources', id) }, sourceSchema, 'data source');
  }

  createSource(input: Ns1DataSourceWrite): Promise<Ns1DataSource> {
    return this.api.call(
      { method: 'PUT', path: '/data/sources', json: { name: input.name, sourcetype: input.sourceType, config: input.config ?? {} }, retry: false },
      sourceSchema,
      'data source',
    );
  }

  updateSource(id: string, input: Ns1DataSourceWrite): Promise<Ns1DataSource> {
    return this.api.call(
      { method: 'POST', path: encodePath('data', 'sources', id), json: { name: input.name, config: input.config } },
      sourceSchema,
      'data source',
    );
  }

  async deleteSource(id: string): Promise<void> {
    await this.api.send({ method: 'DELETE', path: encodePath('data', 'sources', id) });
  }

  feeds(sourceId: string): Promise<Ns1DataFeed[]> {
    return this.api.call({ method: 'GET', path: encodePath('data', 'feeds', sourceId) }, z.array(feedFor(sourceId)), 'data feed list');
  }

  feed(sourceId: string, feedId: string): Promise<Ns1DataFeed> {
    return this.api.call({ method: 'GET', path: encodePath('data', 'feeds', sourceId, feedId) }, feedFor(sourceId), 'data feed');
  }

  createFeed(sourceId: string, input: Ns1DataFeedWrite): Promise<Ns1DataFeed> {
    return this.api.call(
      { method: 'PUT', path: encodePath('data', 'feeds', sourceId), json: { name: input.name, config: input.config ?? {} }, retry: false },
      feedFor(sourceId),
      'data feed',
    );
  }

  updateFeed(sourceId: string, feedId: string, input: Ns1DataFeedWrite): Promise<Ns1DataFeed> {
    return this.api.call(
      { method: 'POST', path: encodePath('data', 'feeds', sourceId, feedId), json: { name: input.name, config: input.config } },
      feedFor(sourceId),
      'data feed',
    );
  }

  async deleteFeed(sourceId: string, feedId: string): Promise<void> {
    await this.api.send({ method: 'DELETE', path: encodePath('data', 'feeds', sourceId, feedId) });
  }

  /** POST /feed/:sourceid: metadata for every feed of the source, or keyed by feed label. */
  async publish(sourceId: string, data: Record<string, unknown>): Promise<void> {
    await this.api.send({ method: 'POST', path: encodePath('feed', sourceId), json: data });
  }
}
