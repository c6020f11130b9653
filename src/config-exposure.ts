import { z } from 'zod';
import { optionalWholeNumber, wholeNumber } from './config-number.js';

/** What browsers and the network may reach, and how much they may send: the settings of `exposure`. */
export interface ExposureConfig {
  /** Origins whose browsers may call the gateway cross-site (with credentials). */
  corsOrigins: string[];
  /** Any `http(s)://localhost|127.0.0.1|[::1]:<port>` origin too: sandbox mode's default. */
  corsLoopbackOrigins: boolean;
  /** Host names the gateway answers to; undefined: any. */
  allowedHosts: string[] | undefined;
  maxBodyBytes: number;
  maxUploadBytes: number;
  maxVariablesDepth: number;
  maxSubscriptionsPerConnection: number;
  maxSubscriptionsPerPrincipal: number;
  /** A GraphQL Code Generator persisted-documents manifest: only its operations run. */
  trustedDocuments?: string;
  introspection: boolean;
  fieldSuggestions: boolean;
  /** A listener of its own for `/metrics`; undefined: `/metrics` on the main port. */
  metricsPort?: number;
}

const MIB = 1024 * 1024;
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]', '::1'];
const WILDCARD_INTERFACES = new Set(['0.0.0.0', '::', '']);

const onOff = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes')
  .optional();

const list = (item: z.ZodType<string, string>) =>
  z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item));

const origin = z.string().refine((v) => {
  try {
    const url = new URL(v);
    return /^https?:$/.test(url.protocol) && url.origin === v;
  } catch {
    return false;
  }
}, 'must be exact origins such as https://app.example.com (scheme, host and port; no path or trailing slash)');

const bytes = (fallback: number) => wholeNumber(1024, 1024 * MIB, fallback);
const count = (fallback: number) => wholeNumber(1, 100_000, fallback);

export const exposureSettings = {
  NODE_ENV: z.string().optional(),
  CORS_ORIGINS: list(origin),
  ALLOWED_HOSTS: list(z.string().regex(/^(\*|[a-z0-9.-]+|\[[0-9a-f:]+\])$/i, 'must be host names, or * for any')),
  MAX_BODY_BYTES: bytes(MIB),
  MAX_UPLOAD_BYTES: bytes(10 * MIB),
  MAX_VARIABLES_DEPTH: wholeNumber(1, 100, 10),
  MAX_SUBSCRIPTIONS_PER_CONNECTION: count(100),
  MAX_SUBSCRIPTIONS_PER_PRINCIPAL: count(1000),
  TRUSTED_DOCUMENTS: z.string().trim().min(1).optional(),
  INTROSPECTION: onOff,
  FIELD_SUGGESTIONS: onOff,
  GRAPHIQL: onOff,
  METRICS_PORT: optionalWholeNumber(0, 65535),
};

type ExposureInput = z.output<z.ZodObject<typeof exposureSettings>>;

/** In production introspection, field suggestions and GraphiQL are off unless asked for. */
export const isProduction = (raw: Pick<ExposureInput, 'NODE_ENV'>): boolean => raw.NODE_ENV === 'production';

export function toExposure(raw: ExposureInput, context: { sandbox: boolean; host: string }): ExposureConfig {
  const developing = !isProduction(raw);
  // DNS rebinding points a name the attacker controls at a gateway on a laptop or intranet: without a
  // list, only loopback names (and the interface it listens on) are answered, except the demo sandboxes.
  const defaultHosts = context.sandbox ? undefined : [...LOOPBACK_HOSTS, ...(WILDCARD_INTERFACES.has(context.host) ? [] : [context.host.toLowerCase()])];
  const hosts = raw.ALLOWED_HOSTS.length > 0 ? raw.ALLOWED_HOSTS.map((h) => h.toLowerCase()) : defaultHosts;
  return {
    corsOrigins: raw.CORS_ORIGINS,
    corsLoopbackOrigins: raw.CORS_ORIGINS.length === 0 && context.sandbox,
    allowedHosts: hosts?.includes('*') ? undefined : hosts,
    maxBodyBytes: raw.MAX_BODY_BYTES,
    maxUploadBytes: raw.MAX_UPLOAD_BYTES,
    maxVariablesDepth: raw.MAX_VARIABLES_DEPTH,
    maxSubscriptionsPerConnection: raw.MAX_SUBSCRIPTIONS_PER_CONNECTION,
    maxSubscriptionsPerPrincipal: raw.MAX_SUBSCRIPTIONS_PER_PRINCIPAL,
    ...(raw.TRUSTED_DOCUMENTS ? { trustedDocuments: raw.TRUSTED_DOCUMENTS } : {}),
    introspection: raw.INTROSPECTION ?? developing,
    fieldSuggestions: raw.FIELD_SUGGESTIONS ?? developing,
    ...(raw.METRICS_PORT !== undefined ? { metricsPort: raw.METRICS_PORT } : {}),
  };
}

export const graphiqlEnabled = (raw: Pick<ExposureInput, 'GRAPHIQL' | 'NODE_ENV'>): boolean => raw.GRAPHIQL ?? !isProduction(raw);
