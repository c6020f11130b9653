/**
 * BuddyNS runs Django REST framework: errors come as `{"detail": "..."}`, as top-level field errors
 * `{"master": ["Enter a valid IPv4 or IPv6 address."]}`, or, as the live API refuses a zone, as both:
 * `{"errors": {"name": ["Zone with this Domain already exists."]}, "detail": "Invalid zone submitted for addition."}`.
 */
export function buddyNsFieldErrors(body: unknown): Record<string, string[]> | undefined {
  if (!isObject(body)) return undefined;
  const source = isObject(body.errors) ? body.errors : body;
  const fields: Record<string, string[]> = {};
  for (const [field, value] of Object.entries(source)) {
    if (source === body && field === 'detail') continue;
    if (Array.isArray(value)) fields[field] = value.map(String);
    else if (typeof value === 'string') fields[field] = [value];
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}

export function buddyNsErrorMessage(body: unknown): string | undefined {
  const detail = isObject(body) && typeof body.detail === 'string' ? body.detail : undefined;
  const fields = buddyNsFieldErrors(body);
  const fieldText = fields
    ? Object.entries(fields)
        .map(([field, messages]) => `${field}: ${messages.join(' ')}`)
        .join('; ')
    : undefined;
  if (detail && fieldText) return `${detail} ${fieldText}`;
  return detail ?? fieldText;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
