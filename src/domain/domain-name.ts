import { domainToASCII, domainToUnicode } from 'node:url';

const LABEL = /^(?:\*|_?[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?)$/;
// eslint-disable-next-line no-control-regex -- the class is the whole ASCII range, control characters included
const ALL_ASCII = /^[\x00-\x7f]*$/;

/** Whether text has nothing but ASCII in it: a name in this form needs no IDNA. */
export const isAscii = (text: string): boolean => ALL_ASCII.test(text);

/**
 * Text that may hold names, its Unicode labels in their ASCII form and the rest as it is: "bücher" gives
 * "xn--bcher-kva", as the name "bücher.de" is known to providers. For searching, where the text need not be a name.
 */
export function asciiLabels(text: string): string {
  return text
    .split('.')
    .map((label) => (ALL_ASCII.test(label) ? label : domainToASCII(label) || label))
    .join('.');
}

/**
 * ASCII (punycode) lower-case form without the trailing dot, or undefined when the name is not valid.
 * Allows a leading `*` label and `_service` labels, as DNS records use them.
 */
export function toAsciiDomain(input: string): string | undefined {
  const trimmed = input.trim().replace(/\.$/, '');
  if (trimmed === '' || trimmed.length > 253) return undefined;
  const labels = trimmed.split('.');
  const converted = labels.map((label, i) => {
    if (label === '*' && i === 0) return label;
    if (label.startsWith('_')) return /^_[a-z0-9-]{1,62}$/i.test(label) ? label.toLowerCase() : '';
    // domainToASCII would read an all-digit label as an IPv4 address; only Unicode labels need IDNA, and
    // punycode labels its check that they decode to a valid Unicode label ("xn--zz" does not).
    const lower = label.toLowerCase();
    if (lower.startsWith('xn--')) return domainToASCII(lower);
    return ALL_ASCII.test(label) ? lower : domainToASCII(label);
  });
  if (converted.some((label) => label === '' || label.length > 63 || !LABEL.test(label))) return undefined;
  const ascii = converted.join('.');
  return ascii.length <= 253 ? ascii : undefined;
}

/**
 * Lower-case ASCII labels, the last starting with a letter, and no punycode: a name that is its own ASCII form
 * (the last label rules out an IPv4 address, which `domainToASCII` would rewrite).
 */
const ALREADY_ASCII = /^(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*$/;

/** Names converted before, since a provider sends the same few in every answer; past the bound it starts over. */
const REMEMBERED_NAMES = 10_000;
const asciiForms = new Map<string, string>();
const unicodeForms = new Map<string, string>();

/** A name a provider sent, in its ASCII form as `domainToASCII` gives it, or as it is when that gives none. */
export function providerAsciiName(name: string): string {
  if (ALREADY_ASCII.test(name) && !name.includes('xn--')) return name;
  let ascii = asciiForms.get(name);
  if (ascii === undefined) {
    ascii = domainToASCII(name) || name;
    if (asciiForms.size >= REMEMBERED_NAMES) asciiForms.clear();
    asciiForms.set(name, ascii);
  }
  return ascii;
}

/** A name with upper case, a trailing dot, a punycode label or anything outside printable ASCII (which may have upper case). */
const NOT_YET_UNICODE = /[A-Z]|\.$|xn--|[^ -~]/;

/** The Unicode lower-case form without the trailing dot; a name already in that form is returned as it is. */
export function toUnicodeDomain(name: string): string {
  if (!NOT_YET_UNICODE.test(name)) return name;
  let unicode = unicodeForms.get(name);
  if (unicode === undefined) {
    unicode = name
      .replace(/\.$/, '')
      .toLowerCase()
      .split('.')
      .map((label) => (label.startsWith('xn--') ? domainToUnicode(label) || label : label))
      .join('.');
    if (unicodeForms.size >= REMEMBERED_NAMES) unicodeForms.clear();
    unicodeForms.set(name, unicode);
  }
  return unicode;
}

/** Whether `name` is `zone` itself or a name below it (both ASCII). */
export function isWithinZone(name: string, zone: string): boolean {
  return name === zone || name.endsWith(`.${zone}`);
}
