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
