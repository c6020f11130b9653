import { REQUEST_CREDENTIAL_HEADERS } from '../request-credentials.js';

/** The credentials a caller sent (`X-NS1-Key`, `X-BuddyNS-Token`, a bearer token), which its log lines must hide. */
export function callerSecrets(headers: Headers): string[] {
  const secrets = [headers.get(REQUEST_CREDENTIAL_HEADERS.ns1), headers.get(REQUEST_CREDENTIAL_HEADERS.buddyns)];
  const authorization = headers.get('authorization');
  if (authorization) secrets.push(authorization, authorization.replace(/^\s*\S+\s+/, ''));
  return secrets.map((s) => s?.trim()).filter((s): s is string => Boolean(s));
}
