import type { Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createGateway, secretsOf, type Gateway, type GatewayOptions } from '../../src/yoga.js';
import { execute, realModeConfig, type GraphQLResponse, type Harness } from '../support/harness.js';
import { AUDIENCE, type TestIdentityProvider } from '../support/oidc-provider.js';

/** A real-mode configuration on the harness's sandboxes that accepts tokens of `idp`. */
export function authConfig(h: Harness, idp: Pick<TestIdentityProvider, 'issuer'>, env: Record<string, string> = {}): Config {
  const settings = { LOG_LEVEL: 'silent', UPSTREAM_RETRIES: '0', AUTH_ISSUER: idp.issuer, AUTH_AUDIENCE: AUDIENCE, AUTH_JWKS_COOLDOWN_SECONDS: '0' };
  return realModeConfig(h, { ...settings, ...env }, false);
}

export interface AuthGateway {
  gateway: Gateway;
  lines: string[];
}

export function authGateway(
  h: Harness,
  idp: Pick<TestIdentityProvider, 'issuer'>,
  env: Record<string, string> = {},
  options: Omit<GatewayOptions, 'config'> = {},
): AuthGateway {
  const config = authConfig(h, idp, { LOG_LEVEL: 'info', ...env });
  const lines: string[] = [];
  const logger = createLogger(config.logLevel, { write: (line) => lines.push(line), secrets: () => secretsOf(config) });
  return { gateway: createGateway({ ...options, config, logger }), lines };
}

export function ask<T = Record<string, unknown>>(
  gateway: Gateway,
  token: string | undefined,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  return execute<T>(gateway, query, variables, { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers });
}
