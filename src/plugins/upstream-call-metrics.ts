import type { Metric, Registry } from 'prom-client';

const REQUESTS = 'dnsgraph_upstream_requests_total';
const DURATIONS = 'dnsgraph_upstream_request_duration_seconds';

// A type, not an interface, so that it is a label set (`Record<string, string | number>`) as it stands.
type CallLabels = { provider: string; method: string; route: string };

interface RequestCount {
  labels: CallLabels & { status: string };
  value: number;
}

interface Durations {
  labels: CallLabels;
  /** Observations per bucket, not cumulative; the last one is `+Inf`. */
  perBucket: number[];
  sum: number;
  count: number;
}

/** What one kind of call (provider, method, route template and status) updates. */
export interface CallCells {
  requests: RequestCount;
  durations: Durations;
}

interface MetricValue {
  value: number;
  labels: Record<string, string | number>;
  metricName?: string;
}

/** A metric as prom-client's registry reads it when scraped: `get()` for its values, `reset()` to zero it. */
interface RegisteredMetric {
  name: string;
  help: string;
  type: 'counter' | 'histogram';
  aggregator: 'sum';
  get(): Promise<{ name: string; help: string; type: string; aggregator: string; values: MetricValue[] }>;
  reset(): void;
}

/**
 * `dnsgraph_upstream_requests_total` and `dnsgraph_upstream_request_duration_seconds`, kept in plain cells that
 * each upstream call updates in place and that prom-client's registry reads only when scraped. prom-client's
 * own counter and histogram join and look up every label of an observation as a string each time, which at
 * some fifty upstream calls per dashboard cost more than the rest of the gateway's metrics. The exposition is
 * the same as theirs.
 */
export class UpstreamCallMetrics {
  private readonly requests = new Map<string, RequestCount>();
  private readonly durations = new Map<string, Durations>();

  constructor(
    registry: Registry,
    private readonly buckets: readonly number[],
  ) {
    const counter = this.metric(
      REQUESTS,
      'Requests sent to a provider, by provider, method, route template and status (0 when no response arrived).',
      'counter',
      () => [...this.requests.values()].map(({ labels, value }) => ({ value, labels })),
      () => {
        for (const requests of this.requests.values()) requests.value = 0;
      },
    );
    const histogram = this.metric(
      DURATIONS,
      'Time until a provider answered, by provider, method and route template.',
      'histogram',
      () => [...this.durations.values()].flatMap((durations) => this.histogramValues(durations)),
      () => {
        for (const durations of this.durations.values()) {
          durations.perBucket.fill(0);
          durations.sum = 0;
          durations.count = 0;
        }
      },
    );
    // The registry reads any metric through `get()` and `reset()`; its types name only prom-client's classes.
    registry.registerMetric(counter as unknown as Metric);
    registry.registerMetric(histogram as unknown as Metric);
  }

  /** The cells of one kind of call: looked up once, then kept by the caller for every call of that kind. */
  cells(provider: string, method: string, route: string, status: number): CallCells {
    const key = `${provider} ${method} ${route}`;
    let durations = this.durations.get(key);
    if (!durations) {
      durations = { labels: { provider, method, route }, perBucket: new Array<number>(this.buckets.length + 1).fill(0), sum: 0, count: 0 };
      this.durations.set(key, durations);
    }
    const requestsKey = `${key} ${status}`;
    let requests = this.requests.get(requestsKey);
    if (!requests) {
      requests = { labels: { provider, method, route, status: String(status) }, value: 0 };
      this.requests.set(requestsKey, requests);
    }
    return { requests, durations };
  }

  /** Counts one call and its duration. */
  observe(cells: CallCells, seconds: number): void {
    cells.requests.value++;
    const { durations } = cells;
    let bucket = 0;
    while (bucket < this.buckets.length && seconds > this.buckets[bucket]!) bucket++;
    durations.perBucket[bucket]!++;
    durations.sum += seconds;
    durations.count++;
  }

  private histogramValues({ labels, perBucket, sum, count }: Durations): MetricValue[] {
    let cumulative = 0;
    const values: MetricValue[] = this.buckets.map((le, i) => {
      cumulative += perBucket[i]!;
      return { value: cumulative, labels: { le, ...labels }, metricName: `${DURATIONS}_bucket` };
    });
    values.push(
      { value: count, labels: { le: '+Inf', ...labels }, metricName: `${DURATIONS}_bucket` },
      { value: sum, labels: { ...labels }, metricName: `${DURATIONS}_sum` },
      { value: count, labels: { ...labels }, metricName: `${DURATIONS}_count` },
    );
    return values;
  }

  /** Reset zeroes the cells in place rather than dropping them: callers keep theirs and go on counting. */
  private metric(name: string, help: string, type: 'counter' | 'histogram', values: () => MetricValue[], reset: () => void): RegisteredMetric {
    return { name, help, type, aggregator: 'sum', get: () => Promise.resolve({ name, help, type, aggregator: 'sum', values: values() }), reset };
  }
}
