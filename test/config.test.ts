import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

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

  it('never echoes a secret in its message', () => {
    const message = problems({ NS1_API_KEY: 'x', NS1_RATE_LIMIT_PER_SECOND: '0', BUDDYNS_TOKEN: '   ' }).join('\n');
    expect(message).toContain('NS1_RATE_LIMIT_PER_SECOND');
    const secretProblem = problems({ BUDDYNS_TOKEN: 'tok', BUDDYNS_ENDPOINT: 'ftp://secret-host' }).join('\n');
    expect(secretProblem).not.toContain('tok"');
    const redisProblem = problems({ REDIS_URL: 'http://:hunter2@redis.internal:6379' });
    expect(redisProblem).toEqual(['REDIS_URL: must be a redis:// or rediss:// URL']);
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
});
