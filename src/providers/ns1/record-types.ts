import { z } from 'zod';
import { RECORD_TYPES } from '../../domain/record-types.js';

/** The record types NS1 serves. */
export const recordTypeSchema = z.enum(RECORD_TYPES);

export type { RecordTypeName } from '../../domain/record-types.js';
