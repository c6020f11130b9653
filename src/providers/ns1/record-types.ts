import { z } from 'zod';

/** The record types NS1 serves. */
export const recordTypeSchema = z.enum([
  'A',
  'AAAA',
  'ALIAS',
  'AFSDB',
  'CERT',
  'CNAME',
  'DNAME',
  'HINFO',
  'MX',
  'NAPTR',
  'NS',
  'PTR',
  'RP',
  'SPF',
  'SRV',
  'TXT',
]);

export type RecordTypeName = z.output<typeof recordTypeSchema>;
