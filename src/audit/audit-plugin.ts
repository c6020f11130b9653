import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { GraphQLError, type GraphQLFieldResolver } from 'graphql';
import type { GatewayContext } from '../context.js';
import { toGraphQLError } from '../errors/to-graphql-error.js';
import { redactInput } from './redact.js';

function outcomeOf(error: unknown): { outcome: string; error: string } {
  const shown = toGraphQLError(error) ?? (error instanceof GraphQLError ? error : undefined);
  const code = shown?.extensions?.code;
  return { outcome: typeof code === 'string' ? code.toLowerCase() : 'internal_error', error: shown?.message ?? 'internal error' };
}

/** Wraps every mutation field: who asked, with what input, which provider writes followed, and how it ended. */
export class PothosAuditPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (fieldConfig.parentType !== 'Mutation') return resolver;
    return (parent, args, ctx, info) => {
      const context = ctx as GatewayContext;
      // Mutation fields run one after another: the writes the operation makes from now on are this field's.
      const { writes } = context.scope;
      const from = writes.length;
      const record = (outcome: { outcome: string; error?: string }) =>
        context.audit.mutation({
          principal: context.principal,
          operation: info.fieldName,
          operationName: info.operation.name?.value,
          input: redactInput(args),
          providerWrites: writes.slice(from),
          ...outcome,
          logger: context.logger,
        });
      return (async () => {
        try {
          const result: unknown = await resolver(parent, args, ctx, info);
          record({ outcome: 'success' });
          return result;
        } catch (error) {
          record(outcomeOf(error));
          throw error;
        }
      })();
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      dnsgraphAudit: PothosAuditPlugin<Types>;
    }
  }
}

export const auditPlugin = 'dnsgraphAudit';
SchemaBuilder.registerPlugin(auditPlugin, PothosAuditPlugin);
