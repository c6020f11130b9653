import { createHash } from 'node:crypto';
import { createRedisCache } from '@envelop/response-cache-redis';
import stableStringify from 'fast-json-stable-stringify';
import { createInMemoryCache, useResponseCache, type Cache } from '@graphql-yoga/plugin-response-cache';
import { getOperationAST, isObjectType, OperationTypeNode, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Counter, type Registry } from 'prom-client';
import type { Config } from '../config.js';
import { overWebSocket, type GatewayContext } from '../context.js';
import type { Logger } from '../logger.js';
import { fingerprint } from '../providers/credentials.js';
import { disconnectRedis, failFastRedis } from '../redis-connection.js';
import { credentialsKeyOf } from '../request-credentials.js';
import { accessFingerprint } from '../auth/principal.js';
import { authenticatedPrincipal } from './use-auth.js';
import { resilientCache } from './resilient-cache.js';

/** Fields whose answers change from one moment to the next: a query that selects one is kept briefly. */
const LIVE_FIELDS = [
  'Query.stats',
  'Query.pulsar',
  'Query.zoneImport',
  'Zone.qps',
  'Zone.usage',
  // Read from BuddyNS's transfer status (transfers, serials in sync, problems).
  'Zone.health',
  'Record.qps',
  'Record.usage',
  'MonitorJob.status',
  'MonitorJob.metrics',
  'MonitorJob.history',
  'BuddyNsZone.status',
];
const LIVE_TTL_MS = 5_000;

export interface ResponseCache {
  /** The cache itself, the invalidation of every cached answer after a write, and its hit counter. */
  plugins: [Plugin, Plugin<GatewayContext>, Plugin];
  close(): Promise<void>;
}

/**
 * Whose answer a cached response is: the credentials in use at their endpoints. Two callers share cached
 * answers only when they would have made the same upstream calls with the same credentials. The server's
 * own credentials, and each grant of scopes and zones, are fingerprinted once, not on every request.
 */
function sessions(config: Config): (request: Request) => string {
  const credentialsKey = credentialsKeyOf(config);
  const known = new Map<string, string>();
  return (request) => {
    let credentials: string;
    try {
      credentials = credentialsKey(request.headers);
    } catch {
      // Refused credentials: the request fails, and a response with errors is never cached.
      return 'refused';
    }
    // Callers whose tokens grant different scopes or zones get different answers from the same accounts.
    const principal = authenticatedPrincipal(request);
    const access = principal ? accessFingerprint(principal) : 'unauthenticated';
    const parts = `${credentials}|${access}`;
    let session = known.get(parts);
    if (session === undefined) {
      session = fingerprint(config.ns1.endpoint, config.buddyns.endpoint, parts);
      // Bounded: grants and caller credentials are many only where tokens or headers vary widely.
      if (known.size >= 1000) known.clear();
      known.set(parts, session);
    }
    return session;
  };
}

/** The plugin's own key (SHA-256 of document, operation, variables and session), hashed without WebCrypto's asynchronous round trip. */
function cacheKey(params: { documentString: string; operationName?: string | null; variableValues?: unknown; sessionId?: string | null }): string {
  const text = [params.documentString, params.operationName ?? '', stableStringify(params.variableValues ?? {}), params.sessionId ?? ''].join('|');
  return createHash('sha256').update(text).digest('hex');
}

/** Every object type a cached response may hold: a write through the gateway invalidates them all. */
function objectTypeNames(schema: GraphQLSchema): string[] {
  const roots = new Set([schema.getMutationType()?.name, schema.getSubscriptionType()?.name]);
  return Object.values(schema.getTypeMap())
    .filter((type) => isObjectType(type) && !type.name.startsWith('__') && !roots.has(type.name))
    .map((type) => type.name);
}

/** Counts the queries answered from the cache and those that had to go upstream. */
function countLookups(registry: Registry): Plugin {
  const lookups = new Counter({
    name: 'dnsgraph_response_cache_lookups_total',
    help: 'Queries the response cache answered (hit) or could not (miss).',
    labelNames: ['result'],
    registers: [registry],
  });
  return {
    onResultProcess: ({ result }) => {
      if (Array.isArray(result) || Symbol.asyncIterator in result) return;
      const lookup = (result.extensions as { responseCache?: { hit?: boolean } } | undefined)?.responseCache;
      if (lookup?.hit !== undefined) lookups.inc({ result: lookup.hit ? 'hit' : 'miss' });
    },
  };
}

function createStore(config: Config, logger: Logger): { cache: Cache; close: () => Promise<void> } {
  if (!config.redisUrl) return { cache: createInMemoryCache(), close: () => Promise.resolve() };
  const redis = failFastRedis(config.redisUrl, 'dnsgraph-cache');
  redis.on('error', () => undefined);
  const cache = resilientCache(createRedisCache({ redis }), logger);
  return {
    cache,
    close: () => {
      cache.close();
      return disconnectRedis(redis);
    },
  };
}

/**
 * Caches query responses per credential for `RESPONSE_CACHE_TTL_SECONDS` (at most 5 s when they hold live
 * numbers), in memory or, with Redis, for every replica. Responses with errors (a provider down) are not
 * cached; any write through the gateway empties the cache; `Cache-Control: no-cache` bypasses it.
 */
export function createResponseCache(config: Config, logger: Logger, registry: Registry): ResponseCache | undefined {
  if (config.responseCacheTtlSeconds === 0) return undefined;
  const store = createStore(config, logger);
  let typeNames: string[] | undefined;
  const respond = useResponseCache<GatewayContext>({
    cache: store.cache,
    ttl: config.responseCacheTtlSeconds * 1000,
    ttlPerSchemaCoordinate: Object.fromEntries(LIVE_FIELDS.map((field) => [field, Math.min(LIVE_TTL_MS, config.responseCacheTtlSeconds * 1000)])),
    session: sessions(config),
    buildResponseCacheKey: cacheKey,
    // Cache keys are made in yoga's HTTP pipeline, which operations over a WebSocket do not pass through.
    enabled: (request, ctx) => !overWebSocket(ctx) && !/no-cache|no-store/i.test(request.headers.get('cache-control') ?? ''),
    // Keeps mutations out of the cache; what they invalidate is decided below, more broadly.
    invalidateViaMutation: true,
    includeExtensionMetadata: true,
    // A stale answer (the provider unavailable) is for now, not for the cache's TTL.
    shouldCacheResult: ({ result }) => !result.errors?.length && !(result.extensions as { stale?: unknown } | undefined)?.stale,
  });
  const invalidateOnWrite: Plugin<GatewayContext> = {
    onExecute: ({ args }) => {
      if (getOperationAST(args.document as DocumentNode, args.operationName as string | undefined)?.operation !== OperationTypeNode.MUTATION) return;
      return {
        onExecuteDone: async () => {
          typeNames ??= objectTypeNames(args.schema as GraphQLSchema);
          await store.cache.invalidate(typeNames.map((typename) => ({ typename })));
        },
      };
    },
  };
  return {
    plugins: [respond, invalidateOnWrite, countLookups(registry)],
    close: store.close,
  };
}
