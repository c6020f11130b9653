import type { Config } from '../src/config.js';
import { percentile } from './stats.js';
import { createLogger } from '../src/logger.js';
import type { SandboxControlClient } from '../src/sandbox/kit/index.js';
import { createGateway } from '../src/yoga.js';

const CALLERS = 40;
const WARM_UP_MS = 2_000;
const DURATION_MS = 8_000;
const ZONES = 400;
const SHARED_QUERY = '{ zones { name providers } }';
const OWN_ZONE_QUERY = 'query Zone($name: DomainName!) { zone(name: $name) { name ns1 { ttl } } }';

const zoneName = (i: number) => `bulk-${String((i % ZONES) + 1).padStart(4, '0')}.example`;

interface Outcome {
  latencies: number[];
  limited: number;
}

/** Many callers asking the same-shaped query in a closed loop for a while; `variables` gives caller and round. */
async function saturate(config: Config, query: string, variables: (caller: number, round: number) => Record<string, unknown>): Promise<Outcome> {
  const gateway = createGateway({ config, logger: createLogger('silent') });
  const outcome: Outcome = { latencies: [], limited: 0 };
  // Requests that start while the budget's first window is still being spent are not counted: saturation is measured once it has set in.
  const measuredFrom = performance.now() + WARM_UP_MS;
  const until = measuredFrom + DURATION_MS;
  await Promise.all(
    Array.from({ length: CALLERS }, async (_, caller) => {
      for (let round = 0; performance.now() < until; round++) {
        const started = performance.now();
        const response = await gateway.yoga.fetch('http://bench/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables: variables(caller, round) }),
        });
        const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
        if (body.errors && !body.errors.every((e) => e.extensions?.code === 'RATE_LIMITED'))
          throw new Error(`saturation query failed: ${JSON.stringify(body.errors)}`);
        if (started < measuredFrom) continue;
        if (body.errors) outcome.limited += 1;
        else outcome.latencies.push(performance.now() - started);
      }
    }),
  );
  await gateway.close();
  return outcome;
}

function row(what: string, { latencies, limited }: Outcome): string {
  const p50 = percentile(latencies, 50);
  const p99 = percentile(latencies, 99);
  return `| ${what} | ${latencies.length} | ${limited} | ${(latencies.length / (DURATION_MS / 1000)).toFixed(1)} | ${p50.toFixed(0)} | ${p99.toFixed(0)} | ${(p99 / p50).toFixed(2)} |`;
}

/**
 * Equal, uncached queries from many callers at once under the default rate budgets. Identical `zones` queries
 * share their upstream calls, so they wait for the next paced call of BuddyNS's 20/s; queries for a zone of
 * their own each need an NS1 call of their own and queue for NS1's 50/s. With waiters served first come,
 * first served and spent budgets paced evenly, every request waits about as long as the others: p99 stays
 * close to p50.
 */
export async function saturationScenario(config: Config, buddyControl: SandboxControlClient, ns1Control: SandboxControlClient): Promise<string> {
  await Promise.all([buddyControl.reset(), ns1Control.reset()]);
  const shared = await saturate(config, SHARED_QUERY, () => ({}));
  await ns1Control.seed({ bulkZones: ZONES });
  const own = await saturate(config, OWN_ZONE_QUERY, (caller, round) => ({ name: zoneName(caller + CALLERS * round) }));
  return [
    `Saturation: ${CALLERS} callers in a closed loop, requests started in ${DURATION_MS / 1000} s after ${WARM_UP_MS / 1000} s of warm-up (NS1 ${config.ns1.ratePerSecond}/s, BuddyNS ${config.buddyns.ratePerSecond}/s)`,
    '',
    '| query | answered | RATE_LIMITED | req/s | p50 ms | p99 ms | p99 / p50 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    row(`\`${SHARED_QUERY}\`, the same for everyone`, shared),
    row(`\`zone(name)\` with \`ns1 { ttl }\`, a zone of each caller's own every time`, own),
    '',
  ].join('\n');
}
