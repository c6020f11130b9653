import { createRecord, deleteRecord, updateRecord } from '../resolvers/records/record-writes.js';
import { builder } from './builder.js';
import { RecordRef, RecordTypeEnum } from './record.js';

const AnswerInput = builder.inputType('AnswerInput', {
  description: 'One answer of a record.',
  fields: (t) => ({
    rdata: t.stringList({ required: true, description: 'RDATA fields, e.g. ["10", "mail.example.com"] for MX.' }),
    region: t.string({ description: 'The region (answer group) of the answer; it must be among the record’s regions.' }),
    meta: t.field({ type: 'JSONObject', description: 'Metadata; a value {"feed": "<id>"} connects a data feed.' }),
  }),
});

const RegionInput = builder.inputType('RegionInput', {
  description: 'An answer group of a record and its metadata.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'The region’s name, e.g. "us-east".' }),
    meta: t.field({ type: 'JSONObject', description: 'Metadata for the group’s answers, e.g. {"georegion": ["US-EAST"]}.' }),
  }),
});

const FilterInput = builder.inputType('FilterInput', {
  description: 'One step of a record’s traffic-steering filter chain.',
  fields: (t) => ({
    filter: t.string({ required: true, description: 'The filter’s key, lower-case letters, digits and underscores (see Query.filterTypes).' }),
    config: t.field({ type: 'JSONObject', description: 'The filter’s options.' }),
    disabled: t.boolean({ description: 'Skip this step.' }),
  }),
});

const CreateRecordInput = builder.inputType('CreateRecordInput', {
  description: 'A new NS1 record: where it lives, its type, and its answers or a link.',
  fields: (t) => ({
    zone: t.field({ type: 'DomainName', required: true, description: 'The NS1 zone to create the record in; NOT_FOUND when NS1 does not have it.' }),
    domain: t.field({ type: 'DomainName', required: true, description: 'The record’s fully qualified name; it must be within the zone.' }),
    type: t.field({ type: RecordTypeEnum, required: true, description: 'The record type; each answer’s RDATA is checked against it.' }),
    ttl: t.int({ description: 'Seconds resolvers may cache the answers, 0 to 2147483647; NS1’s default when left out.' }),
    answers: t.field({ type: [AnswerInput], required: true, description: 'Empty with `link`.' }),
    link: t.field({ type: 'DomainName', description: 'Make a linked record that answers like this record (same type); then answers must be empty.' }),
    regions: t.field({ type: [RegionInput], description: 'Answer groups the answers may refer to.' }),
    filters: t.field({ type: [FilterInput], description: 'The traffic-steering filter chain, in order.' }),
    meta: t.field({ type: 'JSONObject', description: 'Record-level metadata.' }),
    useClientSubnet: t.boolean({ description: 'Steer by the EDNS Client Subnet a resolver sends.' }),
  }),
});

const UpdateRecordInput = builder.inputType('UpdateRecordInput', {
  description: 'Changes to an NS1 record; fields left out stay as they are.',
  fields: (t) => ({
    ttl: t.int({ description: 'Seconds resolvers may cache the answers, 0 to 2147483647.' }),
    answers: t.field({ type: [AnswerInput], description: 'Replaces all answers; each RDATA is checked against the record type.' }),
    link: t.field({ type: 'DomainName', description: 'Turn the record into a linked record; then give no answers.' }),
    regions: t.field({ type: [RegionInput], description: 'Replaces the answer groups.' }),
    filters: t.field({ type: [FilterInput], description: 'Replaces the filter chain.' }),
    meta: t.field({ type: 'JSONObject', description: 'Replaces the record-level metadata.' }),
    useClientSubnet: t.boolean({ description: 'Steer by the EDNS Client Subnet a resolver sends.' }),
  }),
});

const recordArgs = (t: Parameters<Parameters<typeof builder.mutationFields>[0]>[0]) => ({
  zone: t.arg({ type: 'DomainName', required: true, description: 'The zone of the record.' }),
  domain: t.arg({ type: 'DomainName', required: true, description: 'The record’s fully qualified name.' }),
  type: t.arg({ type: RecordTypeEnum, required: true, description: 'The record’s type.' }),
});

builder.mutationFields((t) => ({
  createRecord: t.field({
    type: RecordRef,
    description: 'Creates an NS1 record; RDATA is checked against the record type before anything is sent.',
    args: { input: t.arg({ type: CreateRecordInput, required: true, description: 'The record to create.' }) },
    resolve: (_root, { input }, ctx) => createRecord(ctx, input.zone, input.domain, input.type, input),
  }),
  updateRecord: t.field({
    type: RecordRef,
    args: {
      ...recordArgs(t),
      input: t.arg({ type: UpdateRecordInput, required: true, description: 'The changes.' }),
      ifVersion: t.arg.string({ description: 'The `version` the change was made against.' }),
    },
    resolve: (_root, args, ctx) => updateRecord(ctx, args.zone, args.domain, args.type, args.input, args.ifVersion),
    description:
      'Changes an NS1 record and returns it as NS1 now has it. Input is checked first (BAD_USER_INPUT); NOT_FOUND when the record does not exist. With `ifVersion`, refuses with CONFLICT when the record changed since that version was read.',
  }),
  deleteRecord: t.boolean({
    args: { ...recordArgs(t), ifVersion: t.arg.string({ description: 'The `version` the deletion was decided on; CONFLICT when the record changed since.' }) },
    resolve: (_root, args, ctx) => deleteRecord(ctx, args.zone, args.domain, args.type, args.ifVersion),
    description: 'Deletes an NS1 record; true once NS1 has removed it. NOT_FOUND when the record does not exist; CONFLICT when `ifVersion` no longer matches.',
  }),
}));
