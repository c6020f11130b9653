import { isSecretKey, maskUserinfo } from '../domain/secrets.js';

/** A payment card's number and code, beside the credentials a provider configuration may hold. */
const CARD_KEY = /cvc|cvv|card_?number|^number$/i;
const isSecret = (key: string): boolean => isSecretKey(key) || CARD_KEY.test(key);

/**
 * A mutation's arguments as an audit log may keep them: secrets replaced (by the same keys as in what clients read
 * back, and card numbers and codes), passwords inside URLs removed, uploaded files described.
 */
export function redactInput(value: unknown, key = ''): unknown {
  if (value === null || value === undefined) return value;
  if (isSecret(key) && typeof value !== 'object') return '[redacted]';
  if (typeof value === 'string') return maskUserinfo(value);
  if (typeof File !== 'undefined' && value instanceof File) return { file: value.name, bytes: value.size };
  if (Array.isArray(value)) return value.map((item) => redactInput(item, key));
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactInput(v, k)]));
  }
  return value;
}
