import type { Config } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import type { SandboxControlClient } from '../src/sandbox/kit/index.js';
import { createGateway } from '../src/yoga.js';

const CALLERS = 40;
const DURATION_MS = 8_000;
const QUERY = '{ zones { name providers } }';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * Equal, uncached `zones` queries from many callers at once under the default rate budgets (BuddyNS's
 * 20/s binds): with waiters served first come, first served, every request waits about as long as the
 * others, so p99 stays close to p50.
 */
export async function saturationScenario(config: Config, buddyControl: SandboxControlClient, ns1Control: SandboxControlClient): Promise<string> {
  await Promise.all([buddyControl.reset(), ns1Control.reset()]);
  const gateway = createGateway({ config, logger: createLogger('silent') });
  const latencies: number[] = [];
  let limited = 0;
  const until = performance.now() + DURATION_MS;
  await Promise.all(
    Array.from({ length: CALLERS }, async () => {
      while (performance.now() < until) {
        const started = performance.now();
        const response = await gateway.yoga.fetch('http://bench/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: QUERY }),
        });
        const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
        if (body.errors?.some((e) => e.extensions?.code === 'RATE_LIMITED')) limited += 1;
        else latencies.push(performance.now() - started);
      }
    }),
  );
  await gateway.close();
  const sorted = latencies.sort((a, b) => a - b);
  const p50 = percentile(sorted, 50);
  const p99 = percentile(sorted, 99);
  return [
    `Saturation: ${CALLERS} callers asking ${QUERY} for ${DURATION_MS / 1000} s (NS1 ${config.ns1.ratePerSecond}/s, BuddyNS ${config.buddyns.ratePerSecond}/s)`,
    '',
    '| answered | RATE_LIMITED | req/s | p50 ms | p99 ms | p99 / p50 |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${sorted.length} | ${limited} | ${(sorted.length / (DURATION_MS / 1000)).toFixed(1)} | ${p50.toFixed(0)} | ${p99.toFixed(0)} | ${(p99 / p50).toFixed(2)} |`,
    '',
  ].join('\n');
}
