import { isSecretKey, maskUserinfo } from '../domain/secrets.js';

/** What a write-only value reads as: it can be set, never read back. */
const MASKED = '********';

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
