import { isSecretKey, maskUserinfo } from '../domain/secrets.js';
import { badInput } from '../errors/gateway-error.js';

/** What a write-only value reads as: it can be set, never read back. */
const MASKED = '********';

const hasMasked = (config: Record<string, unknown>): boolean => Object.values(config).some((value) => value === MASKED);

/**
 * A provider configuration as a client may read it: the values of secret keys masked (webhook URLs carry
 * their token in the path, so a notifier's URL is one), and passwords inside any other URL removed.
 */
export function writeOnlySecrets(config: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!config) return null;
  return Object.fromEntries(Object.entries(config).map(([key, value]) => [key, maskValue(key, value)]));
}

function maskValue(key: string, value: unknown): unknown {
  if (value === null || value === undefined || value === '') return value;
  if (isSecretKey(key) && typeof value !== 'boolean') return MASKED;
  if (typeof value === 'string') return maskUserinfo(value);
  if (Array.isArray(value)) return value.map((item) => maskValue('', item));
  if (typeof value === 'object') return writeOnlySecrets(value as Record<string, unknown>);
  return value;
}

/**
 * A configuration sent back as it was read, secrets still masked: each `"********"` stands for the secret in force
 * and is replaced by it (read from the provider only when the change holds one), so a client can change one
 * option without knowing the secrets beside it. A mask where the provider has no secret is refused.
 */
export async function withSecretsKept(
  config: Record<string, unknown>,
  current: () => Promise<{ config?: Record<string, unknown> | null }>,
): Promise<Record<string, unknown>> {
  if (!hasMasked(config)) return config;
  const inForce = (await current()).config ?? {};
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => {
      if (value !== MASKED) return [key, value];
      if (inForce[key] === undefined || inForce[key] === MASKED)
        throw badInput(`input.config.${key}`, `"${MASKED}" stands for a secret that is not set: send the secret itself`);
      return [key, inForce[key]];
    }),
  );
}
