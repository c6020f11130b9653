import type { Config } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import type { SandboxControlClient } from '../src/sandbox/kit/index.js';
import { createGateway } from '../src/yoga.js';

const CONCURRENCY = [1, 10, 200];

/**
 * The dashboard asked by many callers of one credential at the same moment, with the response cache off:
 * identical upstream GETs in flight together go out once. Upstream calls from the sandboxes' request logs,
 * against the calls of one dashboard (the bound: ≤ 1.2×).
 */
export async function concurrentDashboards(
  config: Config,
  query: string,
  ns1Control: SandboxControlClient,
  buddyControl: SandboxControlClient,
): Promise<string> {
  const gateway = createGateway({ config, logger: createLogger('silent') });
  const ask = async () => {
    const response = await gateway.yoga.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(`dashboard query failed: ${JSON.stringify(body.errors)}`);
  };
  const rows = [
    '| concurrent dashboards | upstream calls | calls of one dashboard | ratio (bound ≤ 1.2) | without sharing | wall ms |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  let one = 0;
  for (const count of CONCURRENCY) {
    await Promise.all([ns1Control.reset(), buddyControl.reset()]);
    const [a, b] = await Promise.all([ns1Control.log(), buddyControl.log()]);
    const started = performance.now();
    await Promise.all(Array.from({ length: count }, ask));
    const wall = performance.now() - started;
    const [a2, b2] = await Promise.all([ns1Control.log(a.lastSeq), buddyControl.log(b.lastSeq)]);
    const calls = a2.total + b2.total;
    if (count === 1) one = calls;
    rows.push(`| ${count} | ${calls} | ${one} | ${(calls / one).toFixed(2)} | ${one * count} | ${wall.toFixed(0)} |`);
  }
  await gateway.close();
  return `Concurrent identical dashboards of one credential, response cache off\n\n${rows.join('\n')}\n`;
}
