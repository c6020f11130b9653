import type { Ns1Answer, Ns1Record } from '../providers/ns1/records.js';
import { builder } from './builder.js';
import { emptyAsNull } from '../resolvers/empty-as-null.js';

export const FeedPointerRef = builder.objectRef<{ source: string; feed: string }>('FeedPointer').implement({
  description: 'A data feed that sets a metadata value of an answer.',
  fields: (t) => ({
    source: t.exposeID('source', { description: 'Id of the data source that feeds the value.' }),
    feed: t.exposeID('feed', { description: 'Id of the data feed within that source (see dataFeed to load it).' }),
  }),
});

export const AnswerRef = builder.objectRef<Ns1Answer>('Answer').implement({
  description: 'One answer of an NS1 record: its RDATA, and the metadata traffic steering reads.',
  fields: (t) => ({
    id: t.exposeID('id', { nullable: true, description: 'NS1’s id of the answer; null when NS1 does not send one.' }),
    rdata: t.exposeStringList('rdata', { description: 'The RDATA fields of the answer, e.g. ["10", "mail.example.com"] for MX.' }),
    region: t.exposeString('region', { nullable: true, description: 'The region (answer group) this answer belongs to; null when none.' }),
    meta: t.expose('meta', {
      type: 'JSONObject',
      nullable: true,
      description: 'Answer metadata the filter chain reads, e.g. {"up": true, "priority": 1}; a value {"feed": "<id>"} comes from a data feed.',
    }),
    feeds: t.field({
      type: [FeedPointerRef],
      resolve: (a) => a.feeds,
      description: 'The data feeds that set metadata values of this answer; empty when none.',
    }),
  }),
});

export const RegionRef = builder.objectRef<{ name: string; meta: Record<string, unknown> }>('Region').implement({
  description: 'A group of answers (the NS1 portal calls regions "groups").',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The region’s name, e.g. "us-east"; answers refer to it.' }),
    meta: t.expose('meta', {
      type: 'JSONObject',
      nullable: true,
      description: 'Metadata shared by the region’s answers, e.g. {"georegion": ["US-EAST"]}.',
    }),
  }),
});

export const FilterRef = builder.objectRef<Ns1Record['filters'][number]>('Filter').implement({
  description: 'One step of the traffic-steering filter chain.',
  fields: (t) => ({
    filter: t.exposeString('filter', {
      description: 'The filter’s key, e.g. "up", "geotarget_regional", "weighted_shuffle" (see Query.filterTypes).',
    }),
    config: t.field({
      type: 'JSONObject',
      nullable: true,
      resolve: (filter) => emptyAsNull(filter.config),
      description: 'The filter’s options; null when it has none.',
    }),
    disabled: t.exposeBoolean('disabled', { nullable: true, description: 'Whether this step is skipped; null when NS1 does not say.' }),
  }),
});

export const AnswerInput = builder.inputType('AnswerInput', {
  description: 'One answer of a record.',
  fields: (t) => ({
    rdata: t.stringList({ required: true, description: 'RDATA fields, e.g. ["10", "mail.example.com"] for MX.' }),
    region: t.string({ description: 'The region (answer group) of the answer; it must be among the record’s regions.' }),
    meta: t.field({ type: 'JSONObject', description: 'Metadata; a value {"feed": "<id>"} connects a data feed.' }),
  }),
});

export const RegionInput = builder.inputType('RegionInput', {
  description: 'An answer group of a record and its metadata.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'The region’s name, e.g. "us-east".' }),
    meta: t.field({ type: 'JSONObject', description: 'Metadata for the group’s answers, e.g. {"georegion": ["US-EAST"]}.' }),
  }),
});

export const FilterInput = builder.inputType('FilterInput', {
  description: 'One step of a record’s traffic-steering filter chain.',
  fields: (t) => ({
    filter: t.string({ required: true, description: 'The filter’s key, lower-case letters, digits and underscores (see Query.filterTypes).' }),
    config: t.field({ type: 'JSONObject', description: 'The filter’s options.' }),
    disabled: t.boolean({ description: 'Skip this step.' }),
  }),
});
