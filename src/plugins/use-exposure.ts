import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';
import type { Config } from '../config.js';
import { CSRF_HEADER, CSRF_HEADERS } from '../exposure/csrf.js';
import { useBodyLimit } from './use-body-limit.js';
import { useCsrfPrevention } from './use-csrf-prevention.js';
import { useGraphiQLDisabled, useGraphiQLPage } from './use-graphiql-page.js';
import { useHostCheck } from './use-host-check.js';
import type { CountRefusal } from './use-metrics.js';
import { useSubscriptionLimits } from './use-subscription-limits.js';
import { useTrustedDocuments, type TrustedDocuments } from './use-trusted-documents.js';
import { useVariablesDepth } from './use-variables-depth.js';

/**
 * What a browser and the network may reach, in the order a request meets it: its Host, its size, GraphiQL (or
 * the line saying it is off), requests a page on another site could send without a preflight, trusted documents,
 * variables, introspection and open subscriptions.
 */
export function exposurePlugins(config: Config, trusted: TrustedDocuments | undefined, graphiql: GraphiQLOptions, countRefusal: CountRefusal): Plugin[] {
  const { exposure } = config;
  return [
    useHostCheck(exposure, countRefusal),
    useBodyLimit(exposure, countRefusal),
    config.graphiql ? useGraphiQLPage('/graphql', { ...graphiql, additionalHeaders: { [CSRF_HEADER]: 'graphiql' } }) : useGraphiQLDisabled('/graphql'),
    useCsrfPrevention(CSRF_HEADERS, countRefusal),
    ...(trusted ? [useTrustedDocuments(trusted)] : []),
    useVariablesDepth(exposure.maxVariablesDepth),
    ...(exposure.introspection ? [] : [useDisableIntrospection() as Plugin]),
    useSubscriptionLimits({ perConnection: exposure.maxSubscriptionsPerConnection, perPrincipal: exposure.maxSubscriptionsPerPrincipal }),
  ];
}
