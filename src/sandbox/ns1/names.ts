import { domainToASCII } from 'node:url';
import { SandboxHttpError } from '../kit/index.js';

/** Zone and record names arrive in Unicode or punycode; the sandbox stores the ASCII form, as NS1 does. */
export function asciiName(input: string | undefined, what: string): string {
  const trimmed = (input ?? '').trim().replace(/\.$/, '').toLowerCase();
  if (!trimmed) throw new SandboxHttpError(400, `${what} is required`);
  const labels = trimmed.split('.');
  // eslint-disable-next-line no-control-regex -- the class is the whole ASCII range, control characters included
  const converted = labels.map((label) => (/^[\x00-\x7f]*$/.test(label) ? label : domainToASCII(label)));
  if (converted.some((label) => !/^(?:\*|[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)$/.test(label))) throw new SandboxHttpError(400, `invalid ${what}: ${input}`);
  return converted.join('.');
}

export function withinZone(domain: string, zone: string): boolean {
  return domain === zone || domain.endsWith(`.${zone}`);
}
