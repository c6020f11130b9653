/** What a write-only value reads as: it can be set, never read back. */
const MASKED = '********';

/** Keys whose values are credentials in provider configurations (PagerDuty `service_key`, TSIG `key`, …). */
const SECRET_KEY = /key|secret|token|password|passwd|credential|auth|signature|webhook|^url$|_url$|uri$/i;

function maskUserinfo(value: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(value)) return value;
  try {
    const url = new URL(value);
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return MASKED;
  }
}

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
  if (SECRET_KEY.test(key) && typeof value !== 'boolean') return MASKED;
  if (typeof value === 'string') return maskUserinfo(value);
  if (Array.isArray(value)) return value.map((item) => maskValue('', item));
  if (typeof value === 'object') return writeOnlySecrets(value as Record<string, unknown>);
  return value;
}
