import { domainToASCII, domainToUnicode } from 'node:url';

/** BuddyNS takes IDN names in either form; the sandbox keys zones by the ASCII form. */
export function normaliseZoneName(input: string): { ascii: string; unicode: string } | undefined {
  const trimmed = input.trim().replace(/\.$/, '').toLowerCase();
  if (!trimmed || trimmed.length > 253 || !trimmed.includes('.')) return undefined;
  const ascii = trimmed
    .split('.')
    // eslint-disable-next-line no-control-regex -- the class is the whole ASCII range, control characters included
    .map((label) => (/^[\x00-\x7f]*$/.test(label) ? label : domainToASCII(label)))
    .join('.');
  if (!ascii) return undefined;
  const labelsOk = ascii
    .split('.')
    .every((label) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(label) && (!label.startsWith('xn--') || domainToASCII(label) === label));
  if (!labelsOk) return undefined;
  return { ascii, unicode: domainToUnicode(ascii) || ascii };
}

/** BuddyNS timestamps: ISO 8601 in UTC without a zone designator, with milliseconds. */
export function naiveIso(ms: number | undefined): string | null {
  return ms === undefined ? null : new Date(ms).toISOString().replace('Z', '');
}

export function parseNaiveIso(text: string): number {
  return Date.parse(`${text}Z`);
}
