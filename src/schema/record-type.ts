import { RECORD_TYPES } from '../domain/record-types.js';
import { builder } from './builder.js';

export const RecordTypeEnum = builder.enumType('RecordType', {
  description: 'The DNS record types NS1 records can have.',
  values: RECORD_TYPES,
});
