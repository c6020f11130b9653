import { z } from 'zod';
import { jsonObject } from './fields.js';

/** A catalogue NS1 keys by type and describes with desc/shortdesc and options (source, job and notifier types). */
export const describedCatalogSchema = z
  .record(
    z.string(),
    z
      .object({
        desc: z.string().nullish(),
        shortdesc: z.string().nullish(),
        config: jsonObject,
        feed_config: jsonObject,
        results: jsonObject,
      })
      .passthrough(),
  )
  .transform((catalog) =>
    Object.entries(catalog).map(([key, entry]) => ({
      key,
      shortDescription: entry.shortdesc ?? null,
      description: entry.desc ?? null,
      config: entry.config,
      feedConfig: entry.feed_config,
      results: entry.results,
    })),
  );

export type Ns1Described = z.output<typeof describedCatalogSchema>[number];
