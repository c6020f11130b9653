import { Kind, responsePathAsArray, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { GatewayContext } from '../context.js';
import { staleMarkOf } from '../providers/stale-responses.js';
import { noteStale } from '../resolvers/stale-answers.js';

/** The response keys (aliases, else names) under which the operation selects `field` in this selection set. */
function responseKeysOf(selectionSet: SelectionSetNode | undefined, field: string, info: GraphQLResolveInfo, keys = new Set<string>()): Set<string> {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === field) keys.add(selection.alias?.value ?? field);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      responseKeysOf(selection.selectionSet, field, info, keys);
    } else {
      responseKeysOf(info.fragments[selection.name.value]?.selectionSet, field, info, keys);
    }
  }
  return keys;
}

/**
 * A callback that sets a provider's failure aside at this field's path, or at a field below it that the failure
 * left null, instead of failing the field. Below, the error goes where the operation selects that field (under
 * its alias), and nowhere when it is not selected: what was asked for is then whole. The path is worked out when
 * a failure comes: most fields never report one.
 */
export function reportAt(ctx: GatewayContext, info: GraphQLResolveInfo): (error: unknown, below?: string) => void {
  return (error, below) => {
    const path = responsePathAsArray(info.path);
    if (below === undefined) {
      ctx.partialFailures.push({ error, path });
      return;
    }
    const keys = new Set<string>();
    for (const node of info.fieldNodes) responseKeysOf(node.selectionSet, below, info, keys);
    for (const key of keys) ctx.partialFailures.push({ error, path: [...path, key] });
  };
}

/** A callback that notes, at this field's path, a value answered from a provider's last good response. */
export function staleAt(ctx: GatewayContext, info: GraphQLResolveInfo): <T>(value: T) => T {
  return (value) => {
    const mark = staleMarkOf(value);
    if (mark) noteStale(ctx, { path: responsePathAsArray(info.path), provider: mark.provider.toUpperCase(), ageSeconds: mark.ageSeconds });
    return value;
  };
}
