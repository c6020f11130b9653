import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.js';

/**
 * Depth, cost and alias limits, so one query cannot fan out into thousands of upstream calls; without
 * field suggestions (FIELD_SUGGESTIONS=false), "Did you mean …" stops revealing the schema.
 */
export function useLimits(limits: Config['limits'], fieldSuggestions = true): Plugin {
  return EnvelopArmorPlugin({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: 50 },
    maxTokens: { n: 5000 },
    blockFieldSuggestion: { enabled: !fieldSuggestions },
  });
}
