import { z } from 'zod';
import type { Ns1UsageWarning, Ns1UsageWarnings } from '../providers/ns1/account.js';
import { builder } from './builder.js';

const UsageWarningRef = builder.objectRef<Ns1UsageWarning>('UsageWarning').implement({
  description: 'Overage warnings for one kind of usage (queries or records).',
  fields: (t) => ({
    sendWarnings: t.exposeBoolean('sendWarnings', { description: 'Whether NS1 sends these warnings.' }),
    warning1: t.exposeInt('warning1', { description: 'First threshold, percent of the plan.' }),
    warning2: t.exposeInt('warning2', { description: 'Second threshold, percent of the plan.' }),
  }),
});

export const UsageWarningsRef = builder.objectRef<Ns1UsageWarnings>('UsageWarnings').implement({
  description: 'When NS1 warns billing contacts about overage.',
  fields: (t) => ({
    queries: t.field({ type: UsageWarningRef, description: 'Warnings about queries.', resolve: (w) => w.queries }),
    records: t.field({ type: UsageWarningRef, description: 'Warnings about records.', resolve: (w) => w.records }),
  }),
});

const percent = z.number().int().min(0).max(100);

/** Both thresholds given: the first below the second (NS1's rule). With one given, NS1 checks it against the other. */
const thresholdsInOrder = z
  .object({ warning1: z.number().nullish(), warning2: z.number().nullish() })
  .refine((w) => w.warning1 == null || w.warning2 == null || w.warning1 < w.warning2, { message: 'must be below warning2', path: ['warning1'] });

const UsageWarningInput = builder.inputType('UsageWarningInput', {
  description: 'Overage warnings for queries or records; fields left out stay as they are.',
  validate: thresholdsInOrder,
  fields: (t) => ({
    sendWarnings: t.boolean({ description: 'Send these warnings.' }),
    warning1: t.int({ validate: percent, description: 'First threshold, percent of the plan (0 to 100); NS1 wants it below warning2.' }),
    warning2: t.int({ validate: percent, description: 'Second threshold, percent of the plan (0 to 100).' }),
  }),
});

export const UsageWarningsInput = builder.inputType('UsageWarningsInput', {
  description: 'Changes to overage warnings.',
  fields: (t) => ({
    queries: t.field({ type: UsageWarningInput, description: 'Warnings about queries.' }),
    records: t.field({ type: UsageWarningInput, description: 'Warnings about records.' }),
  }),
});
