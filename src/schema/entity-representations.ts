import { isUnionType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { GatewayError } from '../errors/gateway-error.js';

/**
 * `_entities` answers each representation for itself. A representation that names no entity of this subgraph
 * (an unknown `__typename`, none at all, or not an object) is the caller's mistake at its own position:
 * BAD_USER_INPUT there, and null, while the others resolve (Apollo's resolver would throw for the whole list,
 * which reads as the gateway's own failure). One the caller may not read gets `refusalOf`'s error there, before
 * anything is asked of a provider.
 */
export function withRepresentationsAnsweredAlone(schema: GraphQLSchema, refusalOf: (typename: string, context: unknown) => Error | undefined): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()._entities;
  const entityUnion = schema.getType('_Entity');
  if (!field?.resolve || !isUnionType(entityUnion)) return schema;
  const entities = new Set(entityUnion.getTypes().map((type) => type.name));
  const resolve = field.resolve as GraphQLFieldResolver<unknown, unknown, { representations: unknown[] }>;
  const refusal = (representation: unknown, index: number, context: unknown): Error | undefined => {
    const typename = representation !== null && typeof representation === 'object' ? (representation as { __typename?: unknown }).__typename : undefined;
    if (typeof typename === 'string' && entities.has(typename)) return refusalOf(typename, context);
    const what = typeof typename === 'string' ? `"${typename}" is not an entity of this subgraph` : 'it has no __typename';
    return new GatewayError('BAD_USER_INPUT', `representations[${index}]: ${what}`, { field: `representations[${index}]` });
  };
  field.resolve = (source, args: { representations: unknown[] }, context, info) => {
    const refusals = args.representations.map((representation, index) => refusal(representation, index, context));
    if (refusals.every((r) => r === undefined)) return resolve(source, args, context, info);
    const representations = args.representations.filter((_, i) => refusals[i] === undefined);
    const resolved = representations.length > 0 ? (resolve(source, { ...args, representations }, context, info) as unknown[]) : [];
    let next = 0;
    return refusals.map((refused) => refused ?? resolved[next++]);
  };
  return schema;
}
