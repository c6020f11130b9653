import type { z } from 'zod';
import { UpstreamError, type ProviderId } from './upstream-error.js';

/** Parses a provider's JSON at the edge; a shape the documentation does not promise is the provider's fault. */
export function parseResponse<S extends z.ZodType>(provider: ProviderId, schema: S, body: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unexpected shape';
  throw new UpstreamError({ provider, status: 200, code: 'UPSTREAM_ERROR', message: `${provider} sent an unexpected ${what} (${where})` });
}
