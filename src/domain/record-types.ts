/** The DNS record types NS1 records can have: the one list the schema, the resolvers and the NS1 client share. */
export const RECORD_TYPES = ['A', 'AAAA', 'ALIAS', 'AFSDB', 'CERT', 'CNAME', 'DNAME', 'HINFO', 'MX', 'NAPTR', 'NS', 'PTR', 'RP', 'SPF', 'SRV', 'TXT'] as const;

export type RecordTypeName = (typeof RECORD_TYPES)[number];

export const isRecordType = (value: unknown): value is RecordTypeName => (RECORD_TYPES as readonly unknown[]).includes(value);
