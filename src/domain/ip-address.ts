import { isIP } from 'node:net';

/**
 * An address as providers keep it: IPv6 in its canonical text (RFC 5952: lower case, zeros compressed), so
 * "2001:DB8:0:0::53" and "2001:db8::53" compare equal; IPv4 and anything that is no address as it is.
 */
export function canonicalAddress(address: string): string {
  if (isIP(address) !== 6) return address;
  const url = `http://[${address}]/`;
  // A scoped address ("fe80::1%eth0") has no URL form, and one with an IPv4 tail keeps its dotted quad.
  if (address.includes('.') || !URL.canParse(url)) return address.toLowerCase();
  return new URL(url).hostname.slice(1, -1);
}
