import { z } from 'zod';

/** BuddyNS timestamps are ISO 8601 in UTC without a zone designator. */
export const naiveUtc = z
  .string()
  .nullable()
  .optional()
  .transform((text, ctx) => {
    if (!text) return null;
    const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: 'custom', message: `"${text}" is not an ISO 8601 timestamp` });
      return z.NEVER;
    }
    return date;
  });
