import { describe, expect, it } from 'vitest';
import { ConfigError, fromRaw, loadConfig } from '../src/config.js';

function problems(env: Record<string, string>, argv: string[] = []): string[] {
  try {
    loadConfig(env, argv);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('starts in sandbox mode with no credentials, on port 4000', () => {
    const config = loadConfig({}, []);
    expect(config).toMatchObject({ port: 4000, sandbox: true, allowRequestCredentials: true, graphiql: true });
  });

  it('uses the real providers when credentials are set, unless --sandbox forces the sandboxes', () => {
    expect(loadConfig({ NS1_API_KEY: 'k', AUTH_MODE: 'none' }, []).sandbox).toBe(false);
    expect(loadConfig({ NS1_API_KEY: 'k' }, ['--sandbox']).sandbox).toBe(true);
    expect(loadConfig({ BUDDYNS_USER: 'u@example.com', BUDDYNS_PASSWORD: 'p', AUTH_MODE: 'none' }, []).buddyns.credential).toEqual({
      kind: 'basic',
      user: 'u@example.com',
      password: 'p',
    });
  });

  it('lets --port override PORT', () => {
    expect(loadConfig({ PORT: '5000' }, ['--port', '6000']).port).toBe(6000);
  });

  it('names each bad setting and what it got', () => {
    expect(problems({ PORT: 'abc' })).toEqual([expect.stringMatching(/^PORT: .*\(got "abc"\)$/)]);
    expect(problems({ BUDDYNS_ENDPOINT: 'not-a-url' })[0]).toMatch(/^BUDDYNS_ENDPOINT: must be an http\(s\) URL/);
    expect(problems({ BUDDYNS_USER: 'u@example.com' })).toEqual(['BUDDYNS_PASSWORD: BUDDYNS_USER and BUDDYNS_PASSWORD go together']);
    expect(problems({ NS1_TRANSFER_ADDRESS: 'nowhere' })[0]).toMatch(/^NS1_TRANSFER_ADDRESS: must be an IPv4 or IPv6 address/);
    expect(problems({}, ['--bogus'])[0]).toMatch(/bogus/);
  });

  it('never echoes a secret in its message, not even a rejected one', () => {
    const rejected: Array<[setting: string, env: Record<string, string>, secret: string]> = [
      ['NS1_ENDPOINT', { NS1_ENDPOINT: 'ftp://admin:ns1-endpoint-secret@api.example' }, 'ns1-endpoint-secret'],
      ['BUDDYNS_ENDPOINT', { BUDDYNS_ENDPOINT: 'buddyns-endpoint-secret' }, 'buddyns-endpoint-secret'],
      ['BUDDYNS_PASSWORD', { BUDDYNS_PASSWORD: 'lonely-password-secret' }, 'lonely-password-secret'],
      ['REDIS_URL', { REDIS_URL: 'http://:redis-password-secret@redis.internal:6379' }, 'redis-password-secret'],
      ['OTEL_EXPORTER_OTLP_ENDPOINT', { OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://otel:otlp-secret@collector' }, 'otlp-secret'],
      ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'otlp-traces-secret' }, 'otlp-traces-secret'],
    ];
    for (const [setting, env, secret] of rejected) {
      const said = problems(env);
      expect(said, setting).toContainEqual(expect.stringMatching(new RegExp(`^${setting}: `)));
      expect(said.join('\n'), setting).not.toContain(secret);
      expect(() => loadConfig(env, []), setting).toThrow(expect.objectContaining({ message: expect.not.stringContaining(secret) }));
    }
    const beside = problems({ NS1_API_KEY: 'valid-key-secret', BUDDYNS_TOKEN: 'valid-token-secret', NS1_RATE_LIMIT_PER_SECOND: '0' }).join('\n');
    expect(beside).toMatch(/^NS1_RATE_LIMIT_PER_SECOND: .*\(got "0"\)$/m);
    expect(beside).not.toMatch(/valid-(key|token)-secret/);
  });

  it('reads an empty or blank setting, as Compose and Helm pass for one left unset, as its default', () => {
    const blank = loadConfig(
      {
        PORT: '',
        METRICS_PORT: '',
        UPSTREAM_QUEUE_SIZE: ' ',
        UPSTREAM_RETRIES: '',
        RESPONSE_CACHE_TTL_SECONDS: '',
        STALE_IF_ERROR_SECONDS: '\t',
        SANDBOX: '',
        PRINCIPAL_RATE_SHARE: '',
        AUTH_CLOCK_SKEW_SECONDS: '',
        AUTH_ALGORITHMS: '',
        MAX_BODY_BYTES: '',
        REDIS_URL: '',
        LOG_LEVEL: '',
      },
      [],
    );
    const defaults = loadConfig({}, []);
    expect(blank).toEqual(defaults);
    expect(blank).toMatchObject({ port: 4000, sandbox: true, upstream: { retries: 2 }, responseCacheTtlSeconds: 0 });
    expect(blank.resilience).toMatchObject({ queueSize: 100, principalRateShare: 0.5, staleIfErrorSeconds: 0 });
    expect(blank.exposure).not.toHaveProperty('metricsPort');
  });

  it('takes numbers in plain decimal only, naming the setting that is not', () => {
    for (const given of ['0x10', '1e3', '0b1', '0o7', 'Infinity', '1_000', '12abc']) {
      expect(problems({ PORT: given }), given).toEqual([expect.stringMatching(new RegExp(`^PORT: must be a plain decimal number.*\\(got "${given}"\\)$`))]);
    }
    expect(problems({ UPSTREAM_RETRIES: '0x2' })).toEqual([expect.stringMatching(/^UPSTREAM_RETRIES: must be a plain decimal number/)]);
    expect(problems({ PRINCIPAL_RATE_SHARE: '5e-1' })).toEqual([expect.stringMatching(/^PRINCIPAL_RATE_SHARE: must be a plain decimal number/)]);
    expect(problems({ METRICS_PORT: '0x2400' })).toEqual([expect.stringMatching(/^METRICS_PORT: must be a plain decimal number/)]);
    expect(problems({ AUTH_CLOCK_SKEW_SECONDS: '3e1' })).toEqual([expect.stringMatching(/^AUTH_CLOCK_SKEW_SECONDS: must be a plain decimal number/)]);
    expect(problems({ PORT: '80.5' })).toEqual([expect.stringMatching(/^PORT: must be a whole number/)]);
    for (const [setting, given] of [
      ['PORT', '+4935'],
      ['METRICS_PORT', '+9464'],
      ['UPSTREAM_RETRIES', '+1'],
      ['PRINCIPAL_RATE_SHARE', '+0.5'],
      ['AUTH_CLOCK_SKEW_SECONDS', '+30'],
    ]) {
      expect(problems({ [setting!]: given! }), setting).toEqual([
        expect.stringMatching(new RegExp(`^${setting}: must be a plain decimal number.*\\(got "\\${given}"\\)$`)),
      ]);
    }
    // An integer setting's example is an integer; a fractional one may show a fraction.
    expect(problems({ PORT: 'abc' })).toEqual(['PORT: must be a plain decimal number such as 42 (got "abc")']);
    expect(problems({ PRINCIPAL_RATE_SHARE: 'half' })).toEqual(['PRINCIPAL_RATE_SHARE: must be a plain decimal number such as 42 or 0.5 (got "half")']);
    // Out of range: the setting and its range in words, never zod's own wording.
    expect(problems({ PORT: '65536' })).toEqual(['PORT: must be a whole number from 0 to 65535 (got "65536")']);
    expect(problems({ METRICS_PORT: '-1' })).toEqual(['METRICS_PORT: must be a whole number from 0 to 65535 (got "-1")']);
    expect(problems({ MAX_QUERY_DEPTH: '0' })).toEqual(['MAX_QUERY_DEPTH: must be a whole number from 1 to 100 (got "0")']);
    expect(problems({ MAX_BODY_BYTES: '10' })).toEqual(['MAX_BODY_BYTES: must be a whole number from 1024 to 1073741824 (got "10")']);
    expect(problems({ AUTH_CLOCK_SKEW_SECONDS: '301' })).toEqual(['AUTH_CLOCK_SKEW_SECONDS: must be a whole number from 0 to 300 (got "301")']);
    expect(problems({ PORT: '70000', MAX_ALIASES: '5000' }).join('\n')).not.toMatch(/Too (big|small)|expected number/);
    expect(loadConfig({ PORT: ' 5000 ', PRINCIPAL_RATE_SHARE: '0.25', METRICS_PORT: '9464' }, [])).toMatchObject({
      port: 5000,
      resilience: { principalRateShare: 0.25 },
      exposure: { metricsPort: 9464 },
    });
  });

  it('refuses a HOST that is neither an IP address nor a host name, and a METRICS_PORT that is PORT, naming them', () => {
    expect(problems({ HOST: 'not a host!!' })).toEqual([expect.stringMatching(/^HOST: must be an IP address .*\(got "not a host!!"\)$/)]);
    for (const bad of ['-leading.example', 'under_score', 'a..b', '[::1]', `${'a'.repeat(64)}.example`]) {
      expect(problems({ HOST: bad }), bad).toEqual([expect.stringMatching(/^HOST: /)]);
    }
    for (const good of ['0.0.0.0', '::', '::1', '127.0.0.1', 'localhost', 'dnsgraph.internal', 'gateway-1.example.com']) {
      expect(loadConfig({ HOST: good }, []).host, good).toBe(good);
    }
    expect(problems({ METRICS_PORT: '4000' })).toEqual([expect.stringMatching(/^METRICS_PORT: is the same port as PORT/)]);
    expect(problems({ PORT: '9464', METRICS_PORT: '9464' })).toEqual([expect.stringMatching(/^METRICS_PORT: is the same port as PORT/)]);
    expect(problems({ METRICS_PORT: '9464' }, ['--port', '9464'])).toEqual([expect.stringMatching(/^METRICS_PORT: /)]);
    expect(loadConfig({ PORT: '0', METRICS_PORT: '0' }, []).exposure.metricsPort).toBe(0);
  });

  it('refuses a REDIS_URL without a host, and says at start which settings contradict each other', () => {
    for (const url of ['redis://', 'redis://:6379', 'redis://:secret@:6379/0', 'rediss://user:pw@:6379/0']) {
      expect(problems({ REDIS_URL: url }), url).toContainEqual(expect.stringMatching(/^REDIS_URL: must name the Redis host/));
    }
    expect(loadConfig({ REDIS_URL: 'redis://redis:6379' }, []).redisUrl).toBe('redis://redis:6379');

    expect(loadConfig({ UPSTREAM_TIMEOUT_MS: '20000', REQUEST_DEADLINE_MS: '15000' }, []).startWarnings).toEqual([
      expect.stringMatching(/^UPSTREAM_TIMEOUT_MS \(20000\) is above REQUEST_DEADLINE_MS \(15000\)/),
    ]);
    expect(loadConfig({ UPSTREAM_TIMEOUT_MS: '15000', REQUEST_DEADLINE_MS: '15000' }, []).startWarnings).toEqual([]);
    const real = { AUTH_MODE: 'none' };
    const cleartext = loadConfig({ ...real, BUDDYNS_TOKEN: 't', BUDDYNS_ENDPOINT: 'http://buddyns.internal/api/v2' }, []).startWarnings;
    expect(cleartext).toContainEqual(expect.stringMatching(/^BUDDYNS_ENDPOINT is plain http:\/\/ to another machine/));
    for (const endpoint of ['http://127.0.0.1:4001/api/v2', 'http://localhost:4001/api/v2', 'https://buddyns.internal/api/v2']) {
      const warnings = loadConfig({ ...real, BUDDYNS_TOKEN: 't', BUDDYNS_ENDPOINT: endpoint }, []).startWarnings;
      expect(
        warnings.filter((w) => w.includes('plain http')),
        endpoint,
      ).toEqual([]);
    }

    const open = loadConfig({ NS1_API_KEY: 'k', AUTH_MODE: 'none', AUTH_JWKS_URL: 'https://idp.example.com/jwks', AUTH_AUDIENCE: 'dnsgraph' }, []);
    expect(open.startWarnings).toContainEqual('AUTH_AUDIENCE, AUTH_JWKS_URL are ignored with AUTH_MODE=none: no token is checked');
    expect(loadConfig({ AUTH_MODE: 'none', AUTH_AUDIENCE: 'dnsgraph' }, []).startWarnings).toEqual([
      'AUTH_AUDIENCE is ignored with AUTH_MODE=none: no token is checked',
    ]);
    expect(loadConfig({ NS1_API_KEY: 'k', AUTH_MODE: 'none' }, []).startWarnings).toEqual([expect.stringContaining('AUTH_MODE=none: authentication is off')]);
  });

  it('bounds the subscription settings', () => {
    expect(loadConfig({}, []).subscriptions).toEqual({ minIntervalSeconds: 1, maxIntervalSeconds: 3600, leaseSeconds: 15 });
    expect(problems({ SUBSCRIPTION_LEASE_SECONDS: '0' })[0]).toMatch(/^SUBSCRIPTION_LEASE_SECONDS: /);
    expect(problems({ SUBSCRIPTION_MIN_INTERVAL_SECONDS: '60', SUBSCRIPTION_MAX_INTERVAL_SECONDS: '30' })[0]).toMatch(
      /^SUBSCRIPTION_MIN_INTERVAL_SECONDS: is above SUBSCRIPTION_MAX_INTERVAL_SECONDS/,
    );
  });

  it('refuses to serve real provider accounts without authentication, unless AUTH_MODE=none says so', () => {
    expect(problems({ NS1_API_KEY: 'k' })).toEqual([expect.stringMatching(/^AUTH_ISSUER: is required to serve real provider accounts/)]);
    expect(problems({ CREDENTIALS: 'caller' })).toEqual([expect.stringMatching(/^AUTH_ISSUER: /)]);
    expect(problems({ NS1_API_KEY: 'k', AUTH_ISSUER: 'https://idp.example.com' })).toEqual([expect.stringMatching(/^AUTH_AUDIENCE: is required/)]);
    const open = loadConfig({ NS1_API_KEY: 'k', AUTH_MODE: 'none' }, []);
    expect(open.auth.mode).toBe('none');
    expect(open.startWarnings).toEqual([expect.stringContaining('AUTH_MODE=none')]);
    const secured = loadConfig({ NS1_API_KEY: 'k', AUTH_ISSUER: 'https://idp.example.com/', AUTH_AUDIENCE: 'https://dnsgraph' }, []);
    expect(secured.auth).toMatchObject({
      mode: 'oidc',
      issuer: 'https://idp.example.com',
      audience: 'https://dnsgraph',
      algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
      clockSkewSeconds: 30,
    });
    expect(problems({ AUTH_ALGORITHMS: 'HS256', AUTH_ISSUER: 'https://i', AUTH_AUDIENCE: 'a' })[0]).toMatch(/^AUTH_ALGORITHMS: /);
    expect(problems({ AUTH_TOKEN_TYPES: 'at+jwt; evil', AUTH_ISSUER: 'https://i', AUTH_AUDIENCE: 'a' })[0]).toMatch(/^AUTH_TOKEN_TYPES: /);
    expect(problems({ AUTH_TOKEN_TYPES: ' , ', AUTH_ISSUER: 'https://i', AUTH_AUDIENCE: 'a' })[0]).toMatch(/^AUTH_TOKEN_TYPES: /);
    for (const other of ['logout+jwt', 'secevent+jwt', 'dpop+jwt', 'id_token+jwt', 'application/logout+JWT', 'at+jwt,LOGOUT+JWT']) {
      expect(problems({ AUTH_TOKEN_TYPES: other, AUTH_ISSUER: 'https://i', AUTH_AUDIENCE: 'a' }), other).toEqual([
        expect.stringMatching(/^AUTH_TOKEN_TYPES: accepts access-token types only .*(logout|secevent|dpop|id_token)\+jwt" is another kind of JWT/i),
      ]);
    }
    const typed = loadConfig({ NS1_API_KEY: 'k', AUTH_ISSUER: 'https://i', AUTH_AUDIENCE: 'a', AUTH_TOKEN_TYPES: 'application/AT+JWT, JWT' }, []);
    expect(typed.auth).toMatchObject({ mode: 'oidc', tokenTypes: ['at+jwt', 'jwt'] });
    expect(secured.auth).not.toHaveProperty('tokenTypes');
  });

  it('refuses to serve the demo sandbox in production unless SANDBOX=true', () => {
    expect(problems({ NODE_ENV: 'production' })).toEqual([expect.stringMatching(/^NODE_ENV: production with no provider credentials/)]);
    expect(loadConfig({ NODE_ENV: 'production', SANDBOX: 'true' }, []).sandbox).toBe(true);
  });

  it('keeps ALLOW_REQUEST_CREDENTIALS working as CREDENTIALS, with a deprecation line', () => {
    const config = loadConfig({ ALLOW_REQUEST_CREDENTIALS: 'true', NS1_API_KEY: 'k', AUTH_MODE: 'none' }, []);
    expect(config.credentials).toBe('caller');
    expect(config.startWarnings).toContainEqual(expect.stringContaining('ALLOW_REQUEST_CREDENTIALS is deprecated'));
    expect(loadConfig({}, []).credentials).toBe('server');
  });

  it('with AUTH_MODE=none says at start whose provider accounts an unauthenticated caller acts with', () => {
    expect(loadConfig({ NS1_API_KEY: 'k', AUTH_MODE: 'none' }, []).startWarnings).toEqual([
      'AUTH_MODE=none: authentication is off, and anyone who reaches this port acts with the configured provider accounts',
    ]);
    for (const env of [{ CREDENTIALS: 'caller' }, { CREDENTIALS: 'caller', NS1_API_KEY: 'k' }]) {
      const [warning] = loadConfig({ ...env, AUTH_MODE: 'none' }, []).startWarnings;
      expect(warning, JSON.stringify(env)).toMatch(/^AUTH_MODE=none: authentication is off, .*with the provider credentials they send \(CREDENTIALS=caller\)/);
      expect(warning, JSON.stringify(env)).not.toContain('configured provider accounts');
    }
  });
});

describe('deployment settings', () => {
  it('SANDBOX=false never falls back to the demo sandboxes: without credentials start-up fails, naming the setting', () => {
    expect(fromRaw({}).sandbox).toBe(true);
    expect(fromRaw({ SANDBOX: 'false', NS1_API_KEY: 'a-real-key', AUTH_MODE: 'none' }).sandbox).toBe(false);
    expect(() => fromRaw({ SANDBOX: 'false' })).toThrow(ConfigError);
    expect(() => fromRaw({ SANDBOX: 'false' })).toThrow(/SANDBOX: is false, so set NS1_API_KEY/);
  });

  it('tracing is off unless an OTLP endpoint is set, and OTEL_SDK_DISABLED or OTEL_TRACES_EXPORTER=none turn it off again', () => {
    expect(fromRaw({}).tracing).toBe(false);
    expect(fromRaw({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).tracing).toBe(true);
    expect(fromRaw({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://collector/v1/traces' }).tracing).toBe(true);
    expect(fromRaw({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' }).tracing).toBe(false);
    expect(fromRaw({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' }).tracing).toBe(false);
    expect(() => fromRaw({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT: must be an http\(s\) URL/);
  });

  it('a traces exporter or an OTLP protocol the gateway has no exporter for stops start-up, naming the setting and the values it takes', () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };
    expect(() => loadConfig({ ...endpoint, OTEL_TRACES_EXPORTER: 'bogus' }, [])).toThrow(
      /OTEL_TRACES_EXPORTER: must be otlp, console, none, or otlp,console for both \(otlp by default\) \(got "bogus"\)/,
    );
    expect(() => loadConfig({ ...endpoint, OTEL_TRACES_EXPORTER: 'otlp,zipkin' }, [])).toThrow(/OTEL_TRACES_EXPORTER: must be otlp, console, none/);
    expect(() => loadConfig({ ...endpoint, OTEL_TRACES_EXPORTER: 'none,otlp' }, [])).toThrow(/OTEL_TRACES_EXPORTER: must be otlp, console, none/);
    for (const setting of ['OTEL_EXPORTER_OTLP_PROTOCOL', 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL']) {
      expect(() => loadConfig({ ...endpoint, [setting]: 'carrier-pigeon' }, []), setting).toThrow(
        new RegExp(`${setting}: must be http/protobuf, http/json or grpc \\(http/protobuf by default\\) \\(got "carrier-pigeon"\\)`),
      );
    }
    for (const exporter of ['otlp', 'console', 'otlp, console']) {
      expect(loadConfig({ ...endpoint, OTEL_TRACES_EXPORTER: exporter }, []).tracing, exporter).toBe(true);
    }
    expect(loadConfig({ ...endpoint, OTEL_TRACES_EXPORTER: ' none ' }, []).tracing).toBe(false);
    for (const protocol of ['http/protobuf', 'http/json', 'grpc']) {
      expect(loadConfig({ ...endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: protocol, OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: protocol }, []).tracing, protocol).toBe(true);
    }
    // Blank is unset, as for every setting.
    expect(loadConfig({ ...endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: '', OTEL_TRACES_EXPORTER: ' ' }, []).tracing).toBe(true);
  });
});
