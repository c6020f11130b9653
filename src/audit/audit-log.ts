import { Counter, type Registry } from 'prom-client';
import type { Principal } from '../auth/principal.js';
import type { Logger } from '../logger.js';
import type { ProviderWrite } from '../providers/operation-scope.js';

export interface MutationAudit {
  principal: Principal;
  operation: string;
  operationName: string | undefined;
  input: unknown;
  providerWrites: ProviderWrite[];
  /** `success`, or the error code in lower case (`forbidden`, `bad_user_input`, `upstream_error`, …). */
  outcome: string;
  error?: string;
  /** The request's own logger, whose lines carry its `requestId`; the gateway's otherwise. */
  logger?: Logger | undefined;
}

export interface AuditLog {
  mutation(event: MutationAudit): void;
}

/** One JSON log line with `audit: true` per mutation, and `dnsgraph_mutations_total{operation,outcome}`. */
export function createAuditLog(logger: Logger, registry: Registry): AuditLog {
  const mutations = new Counter({
    name: 'dnsgraph_mutations_total',
    help: 'Mutations by operation and outcome (success, or the error code in lower case).',
    labelNames: ['operation', 'outcome'],
    registers: [registry],
  });
  return {
    mutation({ principal, operation, operationName, input, providerWrites, outcome, error, logger: requestLogger }) {
      mutations.inc({ operation, outcome });
      (requestLogger ?? logger).info('mutation', {
        audit: true,
        principal: { id: principal.id, sub: principal.sub ?? null, clientId: principal.clientId ?? null, authenticated: principal.authenticated },
        operation,
        operationName: operationName ?? null,
        input,
        providerWrites,
        outcome,
        ...(error ? { error } : {}),
      });
    },
  };
}
