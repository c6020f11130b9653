const SECRET_KEY = /secret|password|passwd|token|api_?key|^key$|cvc|cvv|card_?number|^number$/i;

/** A mutation's arguments as an audit log may keep them: secrets replaced, uploaded files described. */
export function redactInput(value: unknown, key = ''): unknown {
  if (value === null || value === undefined) return value;
  if (SECRET_KEY.test(key) && typeof value !== 'object') return '[redacted]';
  if (typeof File !== 'undefined' && value instanceof File) return { file: value.name, bytes: value.size };
  if (Array.isArray(value)) return value.map((item) => redactInput(item, key));
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactInput(v, k)]));
  }
  return value;
}
