import type { IncomingMessage } from 'node:http';
import type { GraphQLError } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import type { ExposureConfig } from '../config-exposure.js';
import { hostAllowed, upgradeOriginAllowed } from '../exposure/request-origin.js';
import { trustedQueryOf, type TrustedDocuments } from '../plugins/use-trusted-documents.js';
import type { CountRefusal } from '../plugins/use-metrics.js';
import { variablesDepthError } from '../plugins/use-variables-depth.js';

export interface WebSocketAdmission {
  /** `ws`'s verifyClient: a `Host` not allowed gets 421, a foreign `Origin` 403, and no socket. */
  verifyUpgrade: (info: { origin: string | undefined; req: IncomingMessage }, done: (ok: boolean, code?: number, message?: string) => void) => void;
  /** The operation to run (with a trusted document's text in trusted-documents mode), or what refuses it. */
  admit(payload: SubscribePayload): SubscribePayload | GraphQLError[];
}

/** The checks HTTP requests get from yoga plugins, for the WebSocket upgrade and each operation on a socket. */
export function webSocketAdmission(exposure: ExposureConfig, trusted: TrustedDocuments | undefined, countRefusal: CountRefusal): WebSocketAdmission {
  return {
    verifyUpgrade: ({ origin, req }, done) => {
      const host = req.headers.host;
      if (!hostAllowed(exposure, host)) {
        countRefusal('forbidden_host');
        done(false, 421, 'Misdirected Request');
      } else if (upgradeOriginAllowed(exposure, origin || undefined, host)) {
        done(true);
      } else {
        // A page of another site opening a socket with the user's cookies: cross-site, as CSRF is.
        countRefusal('csrf');
        done(false, 403, 'Forbidden');
      }
    },
    admit: (payload) => {
      const tooDeep = variablesDepthError(payload.variables, exposure.maxVariablesDepth);
      if (tooDeep) return [tooDeep];
      if (!trusted) return payload;
      const query = trustedQueryOf(trusted, payload);
      return typeof query === 'string' ? { ...payload, query } : [query];
    },
  };
}
