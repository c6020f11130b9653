import { builder } from '../builder.js';
import { ViewerRef } from '../viewer.js';

builder.queryField('viewer', (t) =>
  t.field({
    type: ViewerRef,
    description: 'The accounts behind the credentials in use.',
    resolve: (_root, _args, ctx) => ({
      providers: [...(ctx.ns1 ? (['ns1'] as const) : []), ...(ctx.buddyns ? (['buddyns'] as const) : [])],
    }),
  }),
);
