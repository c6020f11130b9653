import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { authSettings, checkAuthSettings, toAuthConfig, usesSandbox, type AuthConfig, type CredentialsMode } from './auth/auth-config.js';
import { decimalNumber, wholeNumber } from './config-number.js';
import { exposureSettings, graphiqlEnabled, toExposure, type ExposureConfig } from './config-exposure.js';
import { canonicalAddress } from './domain/ip-address.js';
import { bareBuddyNsToken } from './domain/buddyns-token.js';
import { isLoopbackName } from './exposure/request-origin.js';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const url = (fallback: string) =>
  z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
    .default(fallback)
    .transform((v) => v.replace(/\/+$/, ''));

/** RFC 1123: dot-separated labels of letters, digits and inner hyphens, up to 63 characters each, 253 in all. */
export const isHostName = (v: string) => v.length <= 253 && v.split('.').every((label) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i.test(label));

const optionalSecret = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

/** The span exporters the OpenTelemetry SDK that `startTracing` starts has: any other value would leave tracing silently off. */
const TRACES_EXPORTERS = ['otlp', 'console', 'none'] as const;

/** The exporters named, as the SDK reads the list: comma-separated, blanks left out. */
const tracesExportersOf = (value: string): string[] =>
  value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);

/** One exporter, or several (`none` alone). */
function isTracesExporter(value: string): boolean {
  const names = tracesExportersOf(value);
  if (names.includes('none')) return names.length === 1;
  return names.every((name) => name === 'otlp' || name === 'console');
}

/** The OTLP encodings the SDK has exporters for: it would quietly send protobuf for any other. */
const OTLP_PROTOCOLS = ['http/protobuf', 'http/json', 'grpc'] as const;
// Exact: the SDK compares the protocol untrimmed.
const otlpProtocol = z
  .enum(OTLP_PROTOCOLS, { message: `must be ${OTLP_PROTOCOLS.slice(0, -1).join(', ')} or ${OTLP_PROTOCOLS.at(-1)} (${OTLP_PROTOCOLS[0]} by default)` })
  .optional();

export const configSchema = z
  .object({
    PORT: wholeNumber(0, 65535, 4000),
    HOST: z
      .string()
      .trim()
      .refine((v) => isIP(v) !== 0 || isHostName(v), 'must be an IP address (0.0.0.0 for every interface) or a host name')
      .default('0.0.0.0'),
    SANDBOX: booleanFlag.optional(),
    NS1_API_KEY: optionalSecret,
    NS1_ENDPOINT: url('https://api.nsone.net/v1'),
    NS1_TRANSFER_ADDRESS: z
      .string()
      .refine((v) => isIP(v) !== 0, 'must be an IPv4 or IPv6 address')
      .transform(canonicalAddress)
      .optional(),
    NS1_RATE_LIMIT_PER_SECOND: wholeNumber(1, 10_000, 50),
    BUDDYNS_TOKEN: optionalSecret,
    BUDDYNS_USER: optionalSecret,
    BUDDYNS_PASSWORD: optionalSecret,
    BUDDYNS_ENDPOINT: url('https://www.buddyns.com/api/v2'),
    BUDDYNS_RATE_LIMIT_PER_SECOND: wholeNumber(1, 10_000, 20),
    ALLOW_REQUEST_CREDENTIALS: booleanFlag.optional(),
    ...authSettings,
    UPSTREAM_TIMEOUT_MS: wholeNumber(100, 120_000, 10_000),
    UPSTREAM_RETRIES: wholeNumber(0, 10, 2),
    UPSTREAM_CONNECTIONS: wholeNumber(1, 512, 16),
    UPSTREAM_QUEUE_SIZE: wholeNumber(0, 100_000, 100),
    REQUEST_DEADLINE_MS: wholeNumber(100, 600_000, 15_000),
    CIRCUIT_BREAKER_FAILURES: wholeNumber(1, 1000, 5),
    CIRCUIT_BREAKER_HALF_OPEN_SECONDS: wholeNumber(1, 3600, 10),
    PRINCIPAL_RATE_SHARE: decimalNumber((n) => n.gt(0, 'must be above 0').max(1, 'must be at most 1')).default(0.5),
    STALE_IF_ERROR_SECONDS: wholeNumber(0, 7 * 86_400, 0),
    SUBSCRIPTION_MIN_INTERVAL_SECONDS: wholeNumber(1, 3600, 1),
    SUBSCRIPTION_MAX_INTERVAL_SECONDS: wholeNumber(1, 86_400, 3600),
    SUBSCRIPTION_LEASE_SECONDS: wholeNumber(1, 3600, 15),
    RESPONSE_CACHE_TTL_SECONDS: wholeNumber(0, 3600, 0),
    REDIS_URL: z
      .url({ protocol: /^rediss?$/, message: 'must be a redis:// or rediss:// URL' })
      .refine((v) => URL.canParse(v) && new URL(v).hostname !== '', 'must name the Redis host, e.g. redis://redis:6379')
      .optional(),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    MAX_QUERY_DEPTH: wholeNumber(1, 100, 12),
    MAX_QUERY_COST: wholeNumber(1, 1_000_000, 20_000),
    MAX_ALIASES: wholeNumber(1, 1000, 30),
    ...exposureSettings,
    // Read by the OpenTelemetry SDK itself; named here so a bad value stops start-up and tracing is off unless set.
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
    OTEL_SDK_DISABLED: booleanFlag.default(false),
    OTEL_TRACES_EXPORTER: z
      .string()
      .refine(isTracesExporter, `must be ${TRACES_EXPORTERS.join(', ')}, or otlp,console for both (${TRACES_EXPORTERS[0]} by default)`)
      .optional(),
    OTEL_EXPORTER_OTLP_PROTOCOL: otlpProtocol,
    OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: otlpProtocol,
  })
  .superRefine((c, ctx) => {
    if (Boolean(c.BUDDYNS_USER) !== Boolean(c.BUDDYNS_PASSWORD)) {
      ctx.addIssue({ code: 'custom', path: ['BUDDYNS_PASSWORD'], message: 'BUDDYNS_USER and BUDDYNS_PASSWORD go together' });
    }
    if (c.SUBSCRIPTION_MIN_INTERVAL_SECONDS > c.SUBSCRIPTION_MAX_INTERVAL_SECONDS) {
      ctx.addIssue({ code: 'custom', path: ['SUBSCRIPTION_MIN_INTERVAL_SECONDS'], message: 'is above SUBSCRIPTION_MAX_INTERVAL_SECONDS' });
    }
    if (c.METRICS_PORT !== undefined && c.METRICS_PORT !== 0 && c.METRICS_PORT === c.PORT) {
      ctx.addIssue({
        code: 'custom',
        path: ['METRICS_PORT'],
        message: 'is the same port as PORT: give /metrics a port of its own, or leave METRICS_PORT unset to serve it on PORT',
      });
    }
    checkAuthSettings(c, ctx);
  });

export type ConfigInput = z.input<typeof configSchema>;
type RawConfig = z.output<typeof configSchema>;

export type BuddyNsCredentialConfig = { kind: 'token'; token: string } | { kind: 'basic'; user: string; password: string };

export interface Config {
  port: number;
  host: string;
  /** The built-in sandboxes serve as upstreams: forced, or because no provider has credentials. */
  sandbox: boolean;
  ns1: { endpoint: string; apiKey?: string; transferAddress?: string; ratePerSecond: number };
  buddyns: { endpoint: string; credential?: BuddyNsCredentialConfig; ratePerSecond: number };
  /** Sandbox demo credentials only: a caller's credential header replaces them for its provider. */
  allowRequestCredentials: boolean;
  /** Whose provider accounts callers use: the operator's (`server`) or only their own (`caller`). */
  credentials: CredentialsMode;
  auth: AuthConfig;
  /** Said once at every start: deprecated settings, authentication switched off. */
  startWarnings: string[];
  upstream: { timeoutMs: number; retries: number; connections: number };
  /** How upstream outages and overload are met: see the README's "During outages". */
  resilience: {
    queueSize: number;
    requestDeadlineMs: number;
    circuitFailures: number;
    circuitHalfOpenSeconds: number;
    principalRateShare: number;
    /** 0: never answer from the last good response. */
    staleIfErrorSeconds: number;
  };
  subscriptions: { minIntervalSeconds: number; maxIntervalSeconds: number; leaseSeconds: number };
  redisUrl?: string;
  /** 0: no response cache. */
  responseCacheTtlSeconds: number;
  graphiql: boolean;
  logLevel: RawConfig['LOG_LEVEL'];
  limits: { maxDepth: number; maxCost: number; maxAliases: number };
  /** CORS, hosts, body and subscription limits, trusted documents, production switches, metrics listener. */
  exposure: ExposureConfig;
  /** OpenTelemetry traces go out over OTLP: an endpoint is set and the SDK is not disabled. */
  tracing: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const CLI_TO_ENV: Record<string, keyof ConfigInput> = {
  port: 'PORT',
  host: 'HOST',
  sandbox: 'SANDBOX',
  'log-level': 'LOG_LEVEL',
  'redis-url': 'REDIS_URL',
};

/** Reads the command line over the environment, validates both with one schema, and names any bad value. */
export function loadConfig(env: Record<string, string | undefined> = process.env, argv: string[] = process.argv.slice(2)): Config {
  let cli: Record<string, string | boolean | undefined>;
  try {
    cli = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        sandbox: { type: 'boolean' },
        'log-level': { type: 'string' },
        'redis-url': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new ConfigError([(error as Error).message]);
  }
  const merged: Record<string, string | undefined> = {};
  for (const key of Object.keys(configSchema.shape ?? {})) merged[key] = env[key];
  for (const [flag, value] of Object.entries(cli)) {
    const key = CLI_TO_ENV[flag];
    if (key && value !== undefined) merged[key] = String(value);
  }
  return fromRaw(merged);
}

/** Compose and Helm write `VAR=` for a setting left unset: an empty or blank value is the default, for every setting. */
function withoutBlanks(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([, value]) => !(typeof value === 'string' && value.trim() === '')));
}

export function fromRaw(raw: Record<string, unknown>): Config {
  const input = withoutBlanks(raw);
  const result = configSchema.safeParse(input);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path.join('.') || 'configuration';
        const given = issue.path.length === 1 ? input[String(issue.path[0])] : undefined;
        // REDIS_URL and the endpoints may carry a password.
        const secret = /KEY|TOKEN|PASSWORD|REDIS_URL|ENDPOINT/.test(name);
        // eslint-disable-next-line @typescript-eslint/no-base-to-string -- environment and CLI values are strings
        const shown = given === undefined || secret ? '' : ` (got "${String(given)}")`;
        return `${name}: ${issue.message}${shown}`;
      }),
    );
  }
  return toConfig(result.data);
}

function toConfig(c: RawConfig): Config {
  const credential: BuddyNsCredentialConfig | undefined = c.BUDDYNS_TOKEN
    ? { kind: 'token', token: bareBuddyNsToken(c.BUDDYNS_TOKEN) }
    : c.BUDDYNS_USER && c.BUDDYNS_PASSWORD
      ? { kind: 'basic', user: c.BUDDYNS_USER, password: c.BUDDYNS_PASSWORD }
      : undefined;
  const sandbox = usesSandbox(c);
  return {
    port: c.PORT,
    host: c.HOST,
    sandbox,
    ns1: {
      endpoint: c.NS1_ENDPOINT,
      ...(c.NS1_API_KEY ? { apiKey: c.NS1_API_KEY } : {}),
      ...(c.NS1_TRANSFER_ADDRESS ? { transferAddress: c.NS1_TRANSFER_ADDRESS } : {}),
      ratePerSecond: c.NS1_RATE_LIMIT_PER_SECOND,
    },
    buddyns: { endpoint: c.BUDDYNS_ENDPOINT, ...(credential ? { credential } : {}), ratePerSecond: c.BUDDYNS_RATE_LIMIT_PER_SECOND },
    allowRequestCredentials: sandbox,
    ...withStartWarnings(toAuthConfig(c, sandbox), startWarningsOf(c)),
    upstream: { timeoutMs: c.UPSTREAM_TIMEOUT_MS, retries: c.UPSTREAM_RETRIES, connections: c.UPSTREAM_CONNECTIONS },
    resilience: {
      queueSize: c.UPSTREAM_QUEUE_SIZE,
      requestDeadlineMs: c.REQUEST_DEADLINE_MS,
      circuitFailures: c.CIRCUIT_BREAKER_FAILURES,
      circuitHalfOpenSeconds: c.CIRCUIT_BREAKER_HALF_OPEN_SECONDS,
      principalRateShare: c.PRINCIPAL_RATE_SHARE,
      staleIfErrorSeconds: c.STALE_IF_ERROR_SECONDS,
    },
    subscriptions: {
      minIntervalSeconds: c.SUBSCRIPTION_MIN_INTERVAL_SECONDS,
      maxIntervalSeconds: c.SUBSCRIPTION_MAX_INTERVAL_SECONDS,
      leaseSeconds: c.SUBSCRIPTION_LEASE_SECONDS,
    },
    ...(c.REDIS_URL ? { redisUrl: c.REDIS_URL } : {}),
    responseCacheTtlSeconds: c.RESPONSE_CACHE_TTL_SECONDS,
    graphiql: graphiqlEnabled(c),
    logLevel: c.LOG_LEVEL,
    limits: { maxDepth: c.MAX_QUERY_DEPTH, maxCost: c.MAX_QUERY_COST, maxAliases: c.MAX_ALIASES },
    exposure: toExposure(c, { sandbox, host: c.HOST }),
    tracing:
      Boolean(c.OTEL_EXPORTER_OTLP_ENDPOINT || c.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) &&
      !c.OTEL_SDK_DISABLED &&
      tracesExportersOf(c.OTEL_TRACES_EXPORTER ?? '')[0] !== 'none',
  };
}

/** Settings that are valid alone but contradict each other, or put a credential at risk: said at every start. */
function startWarningsOf(c: RawConfig): string[] {
  const said: string[] = [];
  if (c.UPSTREAM_TIMEOUT_MS > c.REQUEST_DEADLINE_MS) {
    said.push(
      `UPSTREAM_TIMEOUT_MS (${c.UPSTREAM_TIMEOUT_MS}) is above REQUEST_DEADLINE_MS (${c.REQUEST_DEADLINE_MS}): an upstream request is cut off by the deadline first`,
    );
  }
  const credentialed = { NS1_ENDPOINT: Boolean(c.NS1_API_KEY), BUDDYNS_ENDPOINT: Boolean(c.BUDDYNS_TOKEN || c.BUDDYNS_USER) };
  for (const [setting, endpoint] of [['NS1_ENDPOINT', c.NS1_ENDPOINT] as const, ['BUDDYNS_ENDPOINT', c.BUDDYNS_ENDPOINT] as const]) {
    if (credentialed[setting] && clearTextElsewhere(endpoint)) {
      said.push(
        `${setting} is plain http:// to another machine: the provider credential crosses the network unencrypted${setting === 'BUDDYNS_ENDPOINT' ? ' (BuddyNS accepts tokens over HTTPS only)' : ''}`,
      );
    }
  }
  return said;
}

/** An http:// URL of a host other than this machine's loopback. */
function clearTextElsewhere(endpoint: string): boolean {
  const url = new URL(endpoint);
  return url.protocol === 'http:' && !isLoopbackName(url.hostname) && !url.hostname.startsWith('127.');
}

const withStartWarnings = <T extends { startWarnings: string[] }>(settings: T, more: string[]): T => ({
  ...settings,
  startWarnings: [...settings.startWarnings, ...more],
});

export interface SandboxUpstreams {
  ns1: { endpoint: string; apiKey: string; transferAddress: string };
  buddyns: { endpoint: string; token: string };
}

/** Points both providers at the embedded sandboxes, with the sandboxes' own demo credentials. */
export function withSandboxUpstreams(config: Config, sandboxes: SandboxUpstreams): Config {
  return {
    ...config,
    sandbox: true,
    ns1: { ...config.ns1, endpoint: sandboxes.ns1.endpoint, apiKey: sandboxes.ns1.apiKey, transferAddress: sandboxes.ns1.transferAddress },
    buddyns: { ...config.buddyns, endpoint: sandboxes.buddyns.endpoint, credential: { kind: 'token', token: sandboxes.buddyns.token } },
  };
}
