import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const problems = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env, []);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('exposure settings', () => {
  it('opens loopback origins and any Host in sandbox mode only', () => {
    expect(loadConfig({}, []).exposure).toMatchObject({ corsOrigins: [], corsLoopbackOrigins: true, allowedHosts: undefined, maxBodyBytes: 1024 * 1024 });
    expect(loadConfig({ AUTH_MODE: 'none', NS1_API_KEY: 'k' }, []).exposure).toMatchObject({
      corsOrigins: [],
      corsLoopbackOrigins: false,
      allowedHosts: ['localhost', '127.0.0.1', '[::1]', '::1'],
    });
    expect(loadConfig({ AUTH_MODE: 'none', NS1_API_KEY: 'k', HOST: 'dnsgraph.internal', ALLOWED_HOSTS: '' }, []).exposure.allowedHosts).toContain(
      'dnsgraph.internal',
    );
    expect(loadConfig({ AUTH_MODE: 'none', NS1_API_KEY: 'k', ALLOWED_HOSTS: 'API.example.com, *' }, []).exposure.allowedHosts).toBeUndefined();
  });

  it('turns introspection, field suggestions and GraphiQL off in production unless asked for', () => {
    const production = loadConfig({ NODE_ENV: 'production', SANDBOX: 'true' }, []);
    expect(production).toMatchObject({ graphiql: false, exposure: { introspection: false, fieldSuggestions: false } });
    expect(loadConfig({ NODE_ENV: 'production', SANDBOX: 'true', GRAPHIQL: 'true', INTROSPECTION: 'true' }, [])).toMatchObject({
      graphiql: true,
      exposure: { introspection: true },
    });
    expect(loadConfig({}, [])).toMatchObject({ graphiql: true, exposure: { introspection: true, fieldSuggestions: true } });
  });

  it('names a bad origin, host or size', () => {
    expect(problems({ CORS_ORIGINS: 'https://app.example.com/' })[0]).toMatch(/^CORS_ORIGINS.*exact origins/);
    expect(problems({ ALLOWED_HOSTS: 'http://x' })[0]).toMatch(/^ALLOWED_HOSTS/);
    expect(problems({ MAX_BODY_BYTES: '10' })[0]).toMatch(/^MAX_BODY_BYTES/);
  });
});
