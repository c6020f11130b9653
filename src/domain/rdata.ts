import { isIPv4, isIPv6 } from 'node:net';
import { toAsciiDomain } from './domain-name.js';
import type { RecordTypeName } from './record-types.js';

const MAX_RDATA_BYTES = 65_535;

type Check = (value: string) => string | undefined;

const ipv4: Check = (v) => (isIPv4(v) ? undefined : `"${v}" is not an IPv4 address`);
const ipv6: Check = (v) => (isIPv6(v) ? undefined : `"${v}" is not an IPv6 address`);
const host: Check = (v) => (v === '.' || toAsciiDomain(v) ? undefined : `"${v}" is not a valid host name`);
const uint =
  (max: number, what: string): Check =>
  (v) => {
    const n = Number(v);
    return v.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= max ? undefined : `${what} must be a whole number from 0 to ${max} (got "${v}")`;
  };
const text: Check = (v) => (Buffer.byteLength(v, 'utf8') <= 255 ? undefined : `a character string is at most 255 bytes (got ${Buffer.byteLength(v, 'utf8')})`);
const nonEmpty: Check = (v) => (v.trim() !== '' ? undefined : 'must not be empty');
const base64: Check = (v) => (/^[A-Za-z0-9+/=\s]+$/.test(v) ? undefined : 'must be base64');
const naptrFlags: Check = (v) => (/^[A-Za-z0-9]*$/.test(v) ? undefined : `flags must be letters or digits (got "${v}")`);
const any: Check = () => undefined;

/** The RDATA fields of each record type, in order, with what each must be. */
const FIELDS: Record<Exclude<RecordTypeName, 'TXT' | 'SPF'>, Array<[string, Check]>> = {
  A: [['address', ipv4]],
  AAAA: [['address', ipv6]],
  ALIAS: [['target', host]],
  AFSDB: [
    ['subtype', uint(65535, 'subtype')],
    ['hostname', host],
  ],
  CERT: [
    ['type', uint(65535, 'type')],
    ['key tag', uint(65535, 'key tag')],
    ['algorithm', uint(255, 'algorithm')],
    ['certificate', base64],
  ],
  CNAME: [['target', host]],
  DNAME: [['target', host]],
  HINFO: [
    ['cpu', nonEmpty],
    ['os', nonEmpty],
  ],
  MX: [
    ['priority', uint(65535, 'priority')],
    ['exchange', host],
  ],
  NAPTR: [
    ['order', uint(65535, 'order')],
    ['preference', uint(65535, 'preference')],
    ['flags', naptrFlags],
    ['services', any],
    ['regexp', any],
    ['replacement', host],
  ],
  NS: [['name server', host]],
  PTR: [['target', host]],
  RP: [
    ['mailbox', host],
    ['TXT name', host],
  ],
  SRV: [
    ['priority', uint(65535, 'priority')],
    ['weight', uint(65535, 'weight')],
    ['port', uint(65535, 'port')],
    ['target', host],
  ],
};

/** The RDATA as a provider takes it: its host names in ASCII (punycode), whichever form they were given in. */
export function asciiRdata(type: RecordTypeName, rdata: readonly string[]): string[] {
  if (type === 'TXT' || type === 'SPF') return [...rdata];
  const fields = FIELDS[type];
  return rdata.map((value, i) => (fields[i]?.[1] === host && value !== '.' ? (toAsciiDomain(value) ?? value) : value));
}

export interface RdataProblem {
  /** Index of the RDATA field at fault, or undefined when the answer as a whole is wrong. */
  index?: number;
  message: string;
}

/** Why an answer's RDATA does not fit its record type, or undefined when it does. */
export function checkRdata(type: RecordTypeName, rdata: readonly string[]): RdataProblem | undefined {
  if (type === 'TXT' || type === 'SPF') {
    if (rdata.length === 0) return { message: `${type} needs at least one character string` };
    for (const [index, value] of rdata.entries()) {
      const message = text(value);
      if (message) return { index, message };
    }
    // On the wire each character string carries a length byte, and one answer's RDATA is at most 65535 bytes.
    const size = rdata.reduce((n, value) => n + 1 + Buffer.byteLength(value, 'utf8'), 0);
    return size <= MAX_RDATA_BYTES ? undefined : { message: `an answer's RDATA is at most ${MAX_RDATA_BYTES} bytes (got ${size})` };
  }
  const fields = FIELDS[type];
  if (rdata.length !== fields.length) {
    return { message: `${type} takes ${fields.length} field${fields.length > 1 ? 's' : ''} (${fields.map(([name]) => name).join(', ')}), got ${rdata.length}` };
  }
  for (const [index, [, check]] of fields.entries()) {
    const message = check(rdata[index] ?? '');
    if (message) return { index, message };
  }
  return undefined;
}
