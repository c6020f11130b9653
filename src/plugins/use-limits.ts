import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.js';

/**
 * A refusal by one of the limits, reported as a validation error (GRAPHQL_VALIDATION_FAILED, HTTP 400 where the
 * client accepts application/graphql-response+json) beside any other problem of the document. Thrown, as the
 * limits do by default, it would end validation and reach the client with no code, as a "Syntax Error".
 */
const asValidationError = { propagateOnRejection: false, onReject: [reportRefusal] };

function reportRefusal(context: ValidationContext | null, refusal: GraphQLError): void {
  context?.reportError(new GraphQLError(refusal.message.replace(/^Syntax Error: /, '')));
}

/**
 * Depth, cost and alias limits, so one query cannot fan out into thousands of upstream calls; without
 * field suggestions (FIELD_SUGGESTIONS=false), "Did you mean …" stops revealing the schema.
 */
export function useLimits(limits: Config['limits'], fieldSuggestions = true): Plugin {
  return EnvelopArmorPlugin({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, ...asValidationError },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true, ...asValidationError },
    maxAliases: { n: limits.maxAliases, ...asValidationError },
    maxDirectives: { n: 50, ...asValidationError },
    maxTokens: { n: 5000 },
    blockFieldSuggestion: { enabled: !fieldSuggestions },
  });
}
