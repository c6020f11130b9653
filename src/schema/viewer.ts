import type { ProviderId } from '../providers/upstream-error.js';
import { builder } from './builder.js';
import { ProviderEnum } from './provider.js';

/** The accounts behind the credentials in use; each provider's facet is added by its own type file. */
export const ViewerRef = builder.objectRef<{ providers: ProviderId[] }>('Viewer');

ViewerRef.implement({
  description: 'The accounts behind the credentials in use.',
  fields: (t) => ({
    configuredProviders: t.field({
      type: [ProviderEnum],
      description: 'The providers that have credentials for this request.',
      resolve: (viewer) => viewer.providers,
    }),
  }),
});

builder.queryType({
  description:
    'Reads from NS1 and BuddyNS with the credentials of the request. A field that needs a provider without credentials fails with PROVIDER_NOT_CONFIGURED (viewer.ns1, viewer.buddyns and pulsar are null instead); zones and zone merge the providers that are configured.',
});
builder.mutationType({
  description:
    "Writes to NS1 and BuddyNS. Bad input is refused with BAD_USER_INPUT before any upstream call; a provider's refusal keeps its message and status.",
});

builder.queryField('viewer', (t) =>
  t.field({
    type: ViewerRef,
    description: 'The accounts behind the credentials in use.',
    resolve: (_root, _args, ctx) => ({
      providers: [...(ctx.ns1 ? (['ns1'] as const) : []), ...(ctx.buddyns ? (['buddyns'] as const) : [])],
    }),
  }),
);
