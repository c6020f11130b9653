import type { Registry } from 'prom-client';

/**
 * A metric's samples as sorted `label=value,… value` strings; `name` may be a histogram's `_count` (or other)
 * series, read from the histogram it belongs to.
 */
export async function metricSeries(registry: Registry, name: string): Promise<string[]> {
  const metric = name.replace(/_count$/, '');
  const values = (await registry.getSingleMetric(metric)!.get()).values as Array<{ metricName?: string; labels: object; value: number }>;
  return values
    .filter((v) => (v.metricName ?? metric) === name)
    .map(
      (v) =>
        `${Object.entries(v.labels)
          .map(([key, value]) => `${key}=${String(value)}`)
          .sort()
          .join(',')} ${v.value}`,
    )
    .sort();
}
