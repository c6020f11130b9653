/**
 * BuddyNS runs Django REST framework: errors come as `{"detail": "..."}` or, for bad form input, as
 * field errors `{"master": ["Enter a valid IPv4 or IPv6 address."]}`.
 */
export function buddyNsFieldErrors(body: unknown): Record<string, string[]> | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body) || 'detail' in body) return undefined;
  const fields: Record<string, string[]> = {};
  for (const [field, value] of Object.entries(body)) {
    if (Array.isArray(value)) fields[field] = value.map(String);
    else if (typeof value === 'string') fields[field] = [value];
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}

export function buddyNsErrorMessage(body: unknown): string | undefined {
  if (body && typeof body === 'object' && 'detail' in body && typeof body.detail === 'string') return body.detail;
  const fields = buddyNsFieldErrors(body);
  if (!fields) return undefined;
  return Object.entries(fields)
    .map(([field, messages]) => `${field}: ${messages.join(' ')}`)
    .join('; ');
}
