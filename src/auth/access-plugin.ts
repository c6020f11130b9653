import SchemaBuilder, { BasePlugin, PothosSchemaError, type PothosOutputFieldConfig, type PothosTypeConfig, type SchemaTypes } from '@pothos/core';
import { responsePathAsArray, type GraphQLFieldResolver } from 'graphql';
import type { GatewayContext } from '../context.js';
import { ENTITY_SCOPES, EVERY, FEDERATION_FIELDS, FIELD_RULES, type FieldRule } from './field-rules.js';
import { everyZoneNeeded, zoneNotGranted } from './forbidden.js';
import { allowsZone } from './zone-access.js';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

type Refusal = Error | undefined;

function zoneRefusal(ctx: GatewayContext, zone: string | typeof EVERY | null | undefined): Refusal {
  const access = ctx.principal.zones;
  if (access.kind === 'every' || zone === null || zone === undefined) return undefined;
  if (zone === EVERY) return everyZoneNeeded();
  return allowsZone(access, zone) ? undefined : zoneNotGranted(zone);
}

/** A refused list answers empty with the error at its path, so the rest of the operation still answers. */
function emptyWithError(_parent: unknown, _args: unknown, ctx: GatewayContext, info: { path: Parameters<typeof responsePathAsArray>[0] }, error: Error) {
  ctx.partialFailures.push({ error, path: responsePathAsArray(info.path) });
  return [];
}

/**
 * Applies `FIELD_RULES`: each rule's scope becomes the field's `authScopes` (enforced by the scope-auth plugin)
 * and its `@requiresScopes` (or `@authenticated`) for a federation router; zone rules refuse another zone's
 * arguments before the resolver runs, and hide another zone's answers. Placed after the federation plugin so
 * that its field options are set before the other plugins read them.
 */
export class PothosAccessPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onTypeConfig(typeConfig: PothosTypeConfig): PothosTypeConfig {
    const scope = ENTITY_SCOPES[typeConfig.name];
    if (!scope) return typeConfig;
    return { ...typeConfig, pothosOptions: { ...typeConfig.pothosOptions, requiresScopes: [[scope]] } } as PothosTypeConfig;
  }

  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> | null {
    const key = `${fieldConfig.parentType}.${fieldConfig.name}`;
    const rule = FIELD_RULES[key];
    if (!rule) {
      if (ROOT_TYPES.has(fieldConfig.parentType) && !FEDERATION_FIELDS.has(key)) {
        throw new PothosSchemaError(`${key} has no access rule: add it to FIELD_RULES in src/auth/field-rules.ts`);
      }
      return fieldConfig;
    }
    const options = { ...fieldConfig.pothosOptions } as Record<string, unknown>;
    if (rule.scope) {
      options.authScopes = { [rule.scope]: true };
      options.requiresScopes = [[rule.scope]];
      if (fieldConfig.type.kind === 'List' && fieldConfig.parentType !== 'Mutation') options.unauthorizedResolver = emptyWithError;
    } else {
      options.authenticated = true;
    }
    return { ...fieldConfig, pothosOptions: options as unknown as typeof fieldConfig.pothosOptions } as PothosOutputFieldConfig<Types>;
  }

  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    const rule: FieldRule | undefined = FIELD_RULES[`${fieldConfig.parentType}.${fieldConfig.name}`];
    if (!rule?.zoneOfArgs && !rule?.zoneOfResult) return resolver;
    const { zoneOfArgs, zoneOfResult } = rule;
    // A query for another zone's object answers null, as for one that does not exist; a write or a subscription is refused.
    const quietly = fieldConfig.parentType !== 'Mutation' && fieldConfig.parentType !== 'Subscription';
    const checkArgs = zoneOfArgs && fieldConfig.parentType !== 'Subscription';
    return async (parent, args, ctx, info) => {
      const context = ctx as GatewayContext;
      if (checkArgs) {
        const zone = zoneOfArgs(args as Record<string, unknown>);
        const refusal = zoneRefusal(context, zone);
        if (refusal) {
          if (quietly && zone !== EVERY && fieldConfig.type.kind !== 'List') return null;
          throw refusal;
        }
      }
      const value: unknown = await resolver(parent, args, ctx, info);
      if (!zoneOfResult || value === null || value === undefined) return value;
      const refusal = zoneRefusal(context, zoneOfResult(value as Record<string, unknown>));
      if (!refusal) return value;
      if (quietly) return null;
      throw refusal;
    };
  }

  override wrapSubscribe(
    subscribe: GraphQLFieldResolver<unknown, Types['Context'], object> | undefined,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> | undefined {
    const zoneOfArgs = FIELD_RULES[`${fieldConfig.parentType}.${fieldConfig.name}`]?.zoneOfArgs;
    if (!subscribe || !zoneOfArgs) return subscribe;
    return (parent, args, ctx, info) => {
      const refusal = zoneRefusal(ctx as GatewayContext, zoneOfArgs(args as Record<string, unknown>));
      if (refusal) throw refusal;
      return subscribe(parent, args, ctx, info);
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      dnsgraphAccess: PothosAccessPlugin<Types>;
    }
  }
}

export const accessPlugin = 'dnsgraphAccess';
SchemaBuilder.registerPlugin(accessPlugin, PothosAccessPlugin);
