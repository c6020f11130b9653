import type { Ns1MonitorMetrics } from '../providers/ns1/monitoring.js';
import { builder } from './builder.js';

const MetricPointRef = builder.objectRef<{ at: Date; value: number }>('MetricPoint').implement({
  description: 'One point of a monitoring metric graph.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime', description: 'The time of the point, as NS1 gives it.' }),
    value: t.exposeFloat('value', { description: 'The metric’s value at that time, in the metric’s unit.' }),
  }),
});

export const MonitorMetricsRef = builder.objectRef<Ns1MonitorMetrics>('MonitorMetrics').implement({
  description: 'One metric of a monitoring job in one region over a period, e.g. rtt or loss.',
  fields: (t) => ({
    region: t.exposeString('region', { description: 'The region code; "global" for the average across all active regions.' }),
    metric: t.exposeString('metric', { description: 'The metric name, e.g. "rtt" or "connect" (see monitorJobTypes.results).' }),
    average: t.exposeFloat('average', { nullable: true, description: 'The average over the period, in the metric’s unit; null when NS1 has none.' }),
    graph: t.field({ type: [MetricPointRef], description: 'The metric over time, oldest first.', resolve: (m) => m.graph }),
  }),
});
