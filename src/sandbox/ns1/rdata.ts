import { isIPv4, isIPv6 } from 'node:net';
import type { RecordType } from './model.js';

type Field = 'ipv4' | 'ipv6' | 'host' | 'uint16' | 'uint8' | 'text' | 'any';

/** The RDATA fields each record type's answer must have, in order. */
const RDATA: Record<RecordType, Field[]> = {
  A: ['ipv4'],
  AAAA: ['ipv6'],
  ALIAS: ['host'],
  AFSDB: ['uint16', 'host'],
  CERT: ['uint16', 'uint16', 'uint8', 'text'],
  CNAME: ['host'],
  DNAME: ['host'],
  HINFO: ['text', 'text'],
  MX: ['uint16', 'host'],
  NAPTR: ['uint16', 'uint16', 'any', 'any', 'any', 'host'],
  NS: ['host'],
  PTR: ['host'],
  RP: ['host', 'host'],
  SPF: ['text'],
  SRV: ['uint16', 'uint16', 'uint16', 'host'],
  TXT: ['text'],
};

const HOST = /^(?:\.|(?:[a-z0-9_*](?:[a-z0-9_-]{0,61}[a-z0-9_])?)(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*\.?)$/i;

function check(field: Field, value: string | number): string | undefined {
  const text = String(value);
  switch (field) {
    case 'ipv4':
      return isIPv4(text) ? undefined : `${text} is not a valid IPv4 address`;
    case 'ipv6':
      return isIPv6(text) ? undefined : `${text} is not a valid IPv6 address`;
    case 'host':
      return text.length <= 253 && HOST.test(text) ? undefined : `${text} is not a valid hostname`;
    case 'uint16':
    case 'uint8': {
      const n = Number(text);
      const max = field === 'uint8' ? 255 : 65535;
      return Number.isInteger(n) && n >= 0 && n <= max && text.trim() !== '' ? undefined : `${text} is not an integer from 0 to ${max}`;
    }
    case 'text':
      return text.length <= 255 || field !== 'text' ? undefined : 'text strings are limited to 255 characters';
    case 'any':
      return undefined;
  }
}

/** Returns why an answer is not valid RDATA for the type, or undefined when it is. */
export function rdataProblem(type: RecordType, answer: unknown): string | undefined {
  if (!Array.isArray(answer)) return 'answer must be a list of RDATA fields';
  const fields = RDATA[type];
  if (type === 'TXT' || type === 'SPF') {
    if (answer.length < 1) return `${type} answer needs at least one string`;
    for (const part of answer) {
      const problem = check('text', part as string);
      if (problem) return problem;
    }
    // Each character string goes on the wire with a length byte; RDATA as a whole is at most 65535 bytes.
    const size = answer.reduce<number>((n, part) => n + 1 + Buffer.byteLength(String(part), 'utf8'), 0);
    return size <= 65535 ? undefined : `RDATA is limited to 65535 bytes, got ${size}`;
  }
  if (answer.length !== fields.length) return `${type} answer needs ${fields.length} field(s), got ${answer.length}`;
  for (const [i, field] of fields.entries()) {
    const value = answer[i] as unknown;
    if (typeof value !== 'string' && typeof value !== 'number') return `field ${i + 1} must be a string or number`;
    const problem = check(field, value);
    if (problem) return problem;
  }
  return undefined;
}
