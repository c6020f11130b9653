import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Authenticator } from '../auth/authenticator.js';
import { refusalReasonOf } from '../auth/auth-errors.js';
import { rawHeadersOf } from '../auth/authorization-header.js';
import { anonymousPrincipal, type Principal } from '../auth/principal.js';
import { principalOfRequest } from '../auth/request-principal.js';
import { callerSecrets } from '../logging/caller-secrets.js';
import { requestIdOf } from '../logging/request-id.js';
import type { Logger } from '../logger.js';
import type { CountRefusal } from './use-metrics.js';

/**
 * Where `useAuth` leaves the caller on the request, under a key no other code holds. A property rather than a
 * WeakMap: every request-keyed WeakMap entry is weak work for each young-generation garbage collection, which
 * at thousands of requests a second costs more than the lookup it saves.
 */
const PRINCIPAL = Symbol('dnsgraph.principal');

type WithPrincipal = Request & { [PRINCIPAL]?: Principal };

/** The caller `useAuth` found for this request, if it got that far. */
export const authenticatedPrincipal = (request: Request): Principal | undefined => (request as WithPrincipal)[PRINCIPAL];

const remember = (request: Request, principal: Principal): void => {
  (request as WithPrincipal)[PRINCIPAL] = principal;
};

function refusal(error: GraphQLError): Response {
  const { http, ...extensions } = error.extensions as { http?: { status?: number; headers?: Record<string, string> } };
  return new Response(JSON.stringify({ errors: [{ message: error.message, extensions }] }), {
    status: http?.status ?? 401,
    headers: { 'content-type': 'application/graphql-response+json; charset=utf-8', ...http?.headers },
  });
}

/**
 * Authenticates every GraphQL request first, before any other plugin may answer it (the response cache
 * answers in `onParams`): a refused token ends the request with 401 and nothing else runs. The GraphiQL page
 * itself and CORS preflights need no token; the operations GraphiQL sends do.
 */
export function useAuth(authenticator: Authenticator, logger: Logger, countRefusal: CountRefusal, graphqlEndpoint = '/graphql'): Plugin {
  return {
    onRequest({ request, url, endResponse, serverContext }) {
      if (url.pathname !== graphqlEndpoint || request.method === 'OPTIONS') return;
      if (request.method === 'GET' && (request.headers.get('accept') ?? '').includes('text/html')) return;
      if (!authenticator.enabled) {
        remember(request, anonymousPrincipal());
        return;
      }
      return principalOfRequest(authenticator, request, logger, rawHeadersOf(serverContext)).then(
        (principal) => remember(request, principal),
        (error: GraphQLError) => {
          const reason = refusalReasonOf(error);
          countRefusal(reason);
          const unauthenticated = reason === 'unauthenticated';
          // The reason only, never the token; the caller's secrets are hidden from the line all the same.
          if (unauthenticated) {
            logger
              .child({ requestId: requestIdOf(request) }, { secrets: callerSecrets(request.headers) })
              .info('request refused', { status: 401, code: 'UNAUTHENTICATED', reason: error.message.replace(/^Unauthenticated: /, '') });
          }
          endResponse(refusal(error));
        },
      );
    },
  };
}
