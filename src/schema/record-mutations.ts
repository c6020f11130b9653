import { createRecord, deleteRecord, updateRecord } from '../resolvers/record-writes.js';
import { builder } from './builder.js';
import { RecordRef, RecordTypeEnum } from './record.js';

const AnswerInput = builder.inputType('AnswerInput', {
  fields: (t) => ({
    rdata: t.stringList({ required: true, description: 'RDATA fields, e.g. ["10", "mail.example.com"] for MX.' }),
    region: t.string(),
    meta: t.field({ type: 'JSONObject', description: 'Metadata; a value {"feed": "<id>"} connects a data feed.' }),
  }),
});

const RegionInput = builder.inputType('RegionInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    meta: t.field({ type: 'JSONObject' }),
  }),
});

const FilterInput = builder.inputType('FilterInput', {
  fields: (t) => ({
    filter: t.string({ required: true }),
    config: t.field({ type: 'JSONObject' }),
    disabled: t.boolean(),
  }),
});

const CreateRecordInput = builder.inputType('CreateRecordInput', {
  fields: (t) => ({
    zone: t.field({ type: 'DomainName', required: true }),
    domain: t.field({ type: 'DomainName', required: true }),
    type: t.field({ type: RecordTypeEnum, required: true }),
    ttl: t.int(),
    answers: t.field({ type: [AnswerInput], required: true, description: 'Empty with `link`.' }),
    link: t.field({ type: 'DomainName' }),
    regions: t.field({ type: [RegionInput] }),
    filters: t.field({ type: [FilterInput] }),
    meta: t.field({ type: 'JSONObject' }),
    useClientSubnet: t.boolean(),
  }),
});

const UpdateRecordInput = builder.inputType('UpdateRecordInput', {
  fields: (t) => ({
    ttl: t.int(),
    answers: t.field({ type: [AnswerInput] }),
    link: t.field({ type: 'DomainName' }),
    regions: t.field({ type: [RegionInput] }),
    filters: t.field({ type: [FilterInput] }),
    meta: t.field({ type: 'JSONObject' }),
    useClientSubnet: t.boolean(),
  }),
});

const recordArgs = (t: Parameters<Parameters<typeof builder.mutationFields>[0]>[0]) => ({
  zone: t.arg({ type: 'DomainName', required: true }),
  domain: t.arg({ type: 'DomainName', required: true }),
  type: t.arg({ type: RecordTypeEnum, required: true }),
});

builder.mutationFields((t) => ({
  createRecord: t.field({
    type: RecordRef,
    description: 'Creates an NS1 record; RDATA is checked against the record type before anything is sent.',
    args: { input: t.arg({ type: CreateRecordInput, required: true }) },
    resolve: (_root, { input }, ctx) => createRecord(ctx, input.zone, input.domain, input.type, input),
  }),
  updateRecord: t.field({
    type: RecordRef,
    description: 'Replaces the given parts of an NS1 record. With `ifVersion`, refuses with CONFLICT when the record changed since that version was read.',
    args: { ...recordArgs(t), input: t.arg({ type: UpdateRecordInput, required: true }), ifVersion: t.arg.string({ description: 'The `version` the change was made against.' }) },
    resolve: (_root, args, ctx) => updateRecord(ctx, args.zone, args.domain, args.type, args.input, args.ifVersion),
  }),
  deleteRecord: t.boolean({
    args: { ...recordArgs(t), ifVersion: t.arg.string({ description: 'The `version` the deletion was decided on; CONFLICT when the record changed since.' }) },
    resolve: (_root, args, ctx) => deleteRecord(ctx, args.zone, args.domain, args.type, args.ifVersion),
  }),
}));
