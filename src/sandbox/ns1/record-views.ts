import type { DnsRecord } from './model.js';

/** The short form the zone GET lists its records in. */
export function shortRecord(record: DnsRecord) {
  return {
    id: record.id,
    domain: record.domain,
    type: record.type,
    ttl: record.ttl,
    tier: record.tier,
    short_answers: record.link ? [] : record.answers.map((a) => a.answer.join(' ')),
    ...(record.link ? { link: record.link } : {}),
  };
}

export function fullRecord(record: DnsRecord) {
  const { link, ...rest } = record;
  return {
    ...rest,
    answers: record.answers.map((a) => ({ ...a, feeds: a.feeds ?? [], meta: a.meta ?? {} })),
    feeds: [],
    ...(link ? { link } : {}),
  };
}
