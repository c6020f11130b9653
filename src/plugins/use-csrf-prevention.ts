import { useCSRFPrevention as useYogaCsrfPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { CountRefusal } from './use-metrics.js';

/**
 * Refuses what a page on another site could send without a preflight (forms, text/plain, multipart, GET) unless
 * it carries one of `headers`, with yoga's plugin; the refusal names the header and has a code, like every error.
 */
export function useCsrfPrevention(headers: readonly string[], countRefusal: CountRefusal): Plugin {
  const csrf = useYogaCsrfPrevention({ requestHeaders: [...headers] });
  return {
    onRequestParse(payload) {
      try {
        return csrf.onRequestParse?.(payload);
      } catch {
        countRefusal('csrf');
        throw createGraphQLError(`Forbidden: a request a browser can send from another site needs the ${headers.join(' or ')} header`, {
          extensions: { code: 'CSRF_HEADER_REQUIRED', http: { status: 403 } },
        });
      }
    },
  };
}
