import { json, SandboxHttpError, type Router, type SandboxRequest } from '../kit/index.js';
import { recordActivity } from './activity.js';
import { keyOf, require } from './auth.js';
import { body, collection, obj, registerCollection, str, type CollectionSpec } from './collection.js';
import { DEMO_FEEDS } from './seed.js';
import type { Ns1Context } from './state.js';

export interface DataFeed {
  id: string;
  name: string;
  config: Record<string, unknown>;
  data: Record<string, unknown>;
}

export interface DataSource {
  id: string;
  name: string;
  sourcetype: string;
  config: Record<string, unknown>;
  status: string;
  feeds: DataFeed[];
}

const field = (shortdesc: string, desc: string) => ({ desc, type: 'text', shortdesc, validator: 'text', required: true, default: null });

export const SOURCE_TYPES: Record<string, { desc: string; shortdesc: string; config: Record<string, unknown>; feed_config: Record<string, unknown> }> = {
  nsone_v1: {
    desc: 'The native NSONE data source: POST JSON metadata to the feed URL, either for all feeds or keyed by feed label.',
    shortdesc: 'NSONE Data Feed API v1',
    config: {},
    feed_config: { label: field('Label', 'Short label for the service this feed is for, like a server name.') },
  },
  nsone_monitoring: {
    desc: 'NSONE monitoring jobs push their status to feeds of this source.',
    shortdesc: 'NSONE Monitoring',
    config: {},
    feed_config: { jobid: field('Job', 'The monitoring job whose status feeds the up field.') },
  },
  cloudwatch: {
    desc: 'Amazon Cloudwatch alarms published through SNS to the feed URL.',
    shortdesc: 'Cloudwatch Alarm Notification',
    config: {},
    feed_config: { alarm_name: field('Alarm Name', 'The name of the Cloudwatch alarm that corresponds to this feed.') },
  },
  monitis: {
    desc: 'Monitis alert notifications.',
    shortdesc: 'Monitis Alert Notification',
    config: { api_key: field('Monitis API Key', 'Your Monitis API key.'), secret_key: field('Monitis Secret Key', 'Your Monitis secret key.') },
    feed_config: { test_name: field('Test Name', 'The name of the test in Monitis that corresponds to this feed.') },
  },
};

/** As documented: a source's config holds the fields its type's config description in /data/sourcetypes requires. */
function sourceConfig(sourcetype: string, config: Record<string, unknown>): Record<string, unknown> {
  const described = (SOURCE_TYPES[sourcetype]?.config ?? {}) as Record<string, { required?: boolean }>;
  const missing = Object.entries(described).find(([name, o]) => o.required && (typeof config[name] !== 'string' || config[name] === ''));
  if (missing) throw new SandboxHttpError(400, `config.${missing[0]} is required for a ${sourcetype} data source`);
  return config;
}

export const SOURCES: CollectionSpec<DataSource> = {
  slice: 'dataSources',
  path: '/data/sources',
  resourceType: 'data_source',
  idOf: (s) => s.id,
  manage: ['data', 'manage_datasources'],
  seed: () => [
    {
      id: DEMO_FEEDS.source,
      name: 'Web servers',
      sourcetype: 'nsone_v1',
      config: {},
      status: 'ok',
      feeds: [
        { id: DEMO_FEEDS.east, name: 'web-east', config: { label: 'web-east' }, data: {} },
        { id: DEMO_FEEDS.west, name: 'web-west', config: { label: 'web-west' }, data: {} },
      ],
    },
  ],
  create: (ctx, b) => {
    const sourcetype = str(b, 'sourcetype', true)!;
    if (!SOURCE_TYPES[sourcetype]) throw new SandboxHttpError(400, `unknown sourcetype ${sourcetype}`);
    const config = sourceConfig(sourcetype, obj(b, 'config') ?? {});
    return { id: ctx.state().ids.next(), name: str(b, 'name', true)!, sourcetype, config, status: 'ok', feeds: [] };
  },
  update: (_ctx, source, b) => {
    if (b.sourcetype !== undefined && b.sourcetype !== source.sourcetype) throw new SandboxHttpError(400, 'the sourcetype of a data source cannot change');
    source.name = str(b, 'name') ?? source.name;
    const config = obj(b, 'config');
    if (config) source.config = sourceConfig(source.sourcetype, config);
  },
  render: (ctx, source) => ({ ...source, feeds: source.feeds.map((f) => feedView(ctx, f)) }),
};

/** Where a feed's data goes: every answer whose metadata points at the feed. */
function destinations(ctx: Ns1Context, feedId: string) {
  const out: Array<{ destid: string; desttype: string; record: string }> = [];
  for (const record of ctx.state().records.values()) {
    for (const answer of record.answers) {
      const points = Object.values(answer.meta ?? {}).some((v) => v && typeof v === 'object' && (v as { feed?: unknown }).feed === feedId);
      if (points) out.push({ destid: answer.id, desttype: 'answer', record: record.id });
    }
  }
  return out;
}

function feedView(ctx: Ns1Context, feed: DataFeed) {
  return { ...feed, destinations: destinations(ctx, feed.id) };
}

function sourceOf(ctx: Ns1Context, req: SandboxRequest): DataSource {
  const source = collection(ctx, SOURCES).get(req.params.sourceid ?? '');
  if (!source) throw new SandboxHttpError(404, 'data source not found');
  return source;
}

function feedOf(ctx: Ns1Context, req: SandboxRequest): { source: DataSource; feed: DataFeed } {
  const source = sourceOf(ctx, req);
  const feed = source.feeds.find((f) => f.id === req.params.feedid);
  if (!feed) throw new SandboxHttpError(404, 'data feed not found');
  return { source, feed };
}

/**
 * Publishing data: an object keyed by feed label (or another feed config value) updates those feeds;
 * plain metadata updates every feed of the source.
 */
function publish(source: DataSource, data: Record<string, unknown>): string[] {
  const updated: string[] = [];
  const byConfig = source.feeds.filter((f) => Object.values(f.config).some((v) => typeof v === 'string' && v in data));
  if (byConfig.length > 0) {
    for (const feed of byConfig) {
      const key = Object.values(feed.config).find((v): v is string => typeof v === 'string' && v in data)!;
      const update = data[key];
      if (!update || typeof update !== 'object' || Array.isArray(update)) throw new SandboxHttpError(400, `data for ${key} must be an object of metadata`);
      feed.data = { ...feed.data, ...(update as Record<string, unknown>) };
      updated.push(feed.id);
    }
    return updated;
  }
  for (const feed of source.feeds) {
    feed.data = { ...feed.data, ...data };
    updated.push(feed.id);
  }
  return updated;
}

export function registerData(router: Router, ctx: Ns1Context): void {
  ctx.feeds = {
    sourceOf: (feedId) => [...collection(ctx, SOURCES).values()].find((s) => s.feeds.some((f) => f.id === feedId))?.id,
    dataOf: (feedId) => {
      for (const source of collection(ctx, SOURCES).values()) {
        const feed = source.feeds.find((f) => f.id === feedId);
        if (feed) return feed.data;
      }
      return undefined;
    },
  };

  router.get('/data/sourcetypes', (req) => {
    keyOf(req, ctx.state());
    return json(SOURCE_TYPES);
  });
  registerCollection(router, ctx, SOURCES);

  router.get('/data/feeds/:sourceid', (req) => {
    keyOf(req, ctx.state());
    return json(sourceOf(ctx, req).feeds.map((f) => feedView(ctx, f)));
  });
  router.get('/data/feeds/:sourceid/:feedid', (req) => {
    keyOf(req, ctx.state());
    return json(feedView(ctx, feedOf(ctx, req).feed));
  });
  router.put('/data/feeds/:sourceid', (req) => {
    const key = keyOf(req, ctx.state());
    require(key, 'data', 'manage_datafeeds');
    const source = sourceOf(ctx, req);
    const b = body(req);
    const config = obj(b, 'config') ?? {};
    const required = Object.entries(SOURCE_TYPES[source.sourcetype]?.feed_config ?? {}).map(([name]) => name);
    const missing = required.filter((name) => typeof config[name] !== 'string' || config[name] === '');
    if (missing.length > 0) throw new SandboxHttpError(400, `config.${missing[0]} is required for a ${source.sourcetype} feed`);
    const feed: DataFeed = { id: ctx.state().ids.next(), name: str(b, 'name', true)!, config, data: {} };
    source.feeds.push(feed);
    recordActivity(ctx, key, 'create', 'data_feed', feed.id);
    return json(feedView(ctx, feed));
  });
  router.post('/data/feeds/:sourceid/:feedid', (req) => {
    const key = keyOf(req, ctx.state());
    require(key, 'data', 'manage_datafeeds');
    const { feed } = feedOf(ctx, req);
    const b = body(req);
    feed.name = str(b, 'name') ?? feed.name;
    feed.config = obj(b, 'config') ?? feed.config;
    recordActivity(ctx, key, 'update', 'data_feed', feed.id);
    return json(feedView(ctx, feed));
  });
  router.delete('/data/feeds/:sourceid/:feedid', (req) => {
    const key = keyOf(req, ctx.state());
    require(key, 'data', 'manage_datafeeds');
    const { source, feed } = feedOf(ctx, req);
    source.feeds = source.feeds.filter((f) => f !== feed);
    recordActivity(ctx, key, 'delete', 'data_feed', feed.id);
    return json({});
  });
  // As documented: the feed URL takes GET, PUT and POST alike; a GET carries its data in the query string.
  const feedUrl = (req: SandboxRequest) => {
    const key = keyOf(req, ctx.state());
    require(key, 'data', 'push_to_datafeeds');
    const source = sourceOf(ctx, req);
    const data = req.method === 'GET' ? Object.fromEntries(req.query) : body(req);
    const updated = publish(source, data);
    recordActivity(ctx, key, 'update', 'data_source', source.id);
    return json({ updated_feeds: updated });
  };
  router.get('/feed/:sourceid', feedUrl);
  router.put('/feed/:sourceid', feedUrl);
  router.post('/feed/:sourceid', feedUrl);
}
