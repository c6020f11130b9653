import type { Answer, DnsRecord, FeedPointer } from './model.js';
import type { Ns1Context } from './state.js';

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

function isPointer(value: unknown): value is { feed: string } {
  return Boolean(value && typeof value === 'object' && 'feed' in value && typeof value.feed === 'string');
}

/** The feeds an answer's metadata points at. */
export function feedPointers(ctx: Ns1Context, meta: Record<string, unknown> | undefined): FeedPointer[] {
  return Object.values(meta ?? {})
    .filter(isPointer)
    .map((p) => ({ source: ctx.feeds?.sourceOf(p.feed) ?? '', feed: p.feed }));
}

/** Metadata as NS1 answers it: a value fed by a data feed shows the feed's latest data once it published some. */
function effectiveMeta(ctx: Ns1Context, meta: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(meta ?? {})) {
    const published = isPointer(value) ? ctx.feeds?.dataOf(value.feed) : undefined;
    out[key] = published && key in published ? published[key] : value;
  }
  return out;
}

function answerView(ctx: Ns1Context, answer: Answer) {
  return { ...answer, meta: effectiveMeta(ctx, answer.meta), feeds: feedPointers(ctx, answer.meta) };
}

export function fullRecord(ctx: Ns1Context, record: DnsRecord) {
  const { link, ...rest } = record;
  return {
    ...rest,
    answers: record.answers.map((a) => answerView(ctx, a)),
    feeds: [],
    ...(link ? { link } : {}),
  };
}
