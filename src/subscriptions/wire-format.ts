/**
 * JSON for poll events on their way through Redis. Plain JSON would turn a Date into a string; here it
 * comes back a Date, so a DateTime field reads the same on every replica.
 */
const DATE_TAG = '$date';

function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  return original instanceof Date ? { [DATE_TAG]: original.getTime() } : value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const at = (value as Record<string, unknown>)[DATE_TAG];
    if (keys.length === 1 && typeof at === 'number') return new Date(at);
  }
  return value;
}

export const wireFormat = {
  stringify: (message: unknown): string => JSON.stringify(message, replacer),
  parse: (message: string): unknown => JSON.parse(message, reviver),
};
