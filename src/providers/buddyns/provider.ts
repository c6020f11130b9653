import { isObject, stringField, type Provider } from '../provider.js';

export type BuddyNsCredential = { kind: 'token'; token: string } | { kind: 'basic'; user: string; password: string };

/**
 * BuddyNS runs Django REST framework: errors come as `{"detail": "..."}`, as top-level field errors
 * `{"master": ["Enter a valid IPv4 or IPv6 address."]}`, or, as the live API refuses a zone, as both:
 * `{"errors": {"name": ["Zone with this Domain already exists."]}, "detail": "Invalid zone submitted for addition."}`.
 */
function fieldErrors(body: unknown): Record<string, string[]> | undefined {
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

function errorMessage(body: unknown): string | undefined {
  const detail = stringField(body, 'detail');
  const fields = fieldErrors(body);
  const fieldText = fields
    ? Object.entries(fields)
        .map(([field, messages]) => `${field}: ${messages.join(' ')}`)
        .join('; ')
    : undefined;
  if (detail && fieldText) return `${detail} ${fieldText}`;
  return detail ?? fieldText;
}

/** BuddyNS: a token (`Authorization: Token X`) or a user and password (HTTP Basic). */
export const buddyNsProvider: Provider<BuddyNsCredential> = {
  id: 'buddyns',
  authHeaders: (credential) => ({
    authorization:
      credential.kind === 'token' ? `Token ${credential.token}` : `Basic ${Buffer.from(`${credential.user}:${credential.password}`).toString('base64')}`,
  }),
  identity: (credential) => (credential.kind === 'token' ? ['token', credential.token] : ['basic', credential.user, credential.password]),
  errorMessage,
  fieldErrors,
};
