import { execFile } from 'node:child_process';
import { median } from './stats.js';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Rate, Side } from './throughput-side.js';

const execFileAsync = promisify(execFile);

const SIDE_SCRIPT = fileURLToPath(new URL('./throughput-side.js', import.meta.url));

/** One side measured in a fresh process. */
async function measureSide(side: Side): Promise<Rate> {
  const { stdout } = await execFileAsync(process.execPath, [SIDE_SCRIPT, side]);
  return JSON.parse(stdout) as Rate;
}

/**
 * `{ __typename }` and a cached small query against bare yoga serving `{ __typename }` on the same machine.
 * Each measurement is a process of its own (warmed up, then one second), the sides taking turns in rotated
 * order, so that machine load weighs on each alike and no side's garbage or JIT state reaches another.
 */
export async function throughputVersusBareYoga(): Promise<string> {
  const sides: Side[] = ['bare', 'typename', 'cached'];
  const rounds: Array<Record<Side, Rate>> = [];
  for (let round = 0; round < 5; round++) {
    const rates: Partial<Record<Side, Rate>> = {};
    for (let i = 0; i < sides.length; i++) {
      const side = sides[(round + i) % sides.length]!;
      rates[side] = await measureSide(side);
    }
    rounds.push(rates as Record<Side, Rate>);
  }
  const rpsOf = (side: Side) => median(rounds.map((r) => r[side].rps));
  const cpuOf = (side: Side) => median(rounds.map((r) => r[side].cpuUs));
  const [bareRps, typenameRps, cachedRps] = [rpsOf('bare'), rpsOf('typename'), rpsOf('cached')];
  const [bareCpu, typenameCpu, cachedCpu] = [cpuOf('bare'), cpuOf('typename'), cpuOf('cached')];
  const rows = [
    '| query | dnsgraph req/s | bare yoga `{ __typename }` req/s | ratio (goal ≥ 0.9) | CPU µs per request, dnsgraph / bare yoga |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| \`{ __typename }\` | ${typenameRps.toFixed(0)} | ${bareRps.toFixed(0)} | ${(typenameRps / bareRps).toFixed(2)} | ${typenameCpu.toFixed(0)} / ${bareCpu.toFixed(0)} |`,
    `| \`{ zones { name providers } }\` from the response cache | ${cachedRps.toFixed(0)} | ${bareRps.toFixed(0)} | ${(cachedRps / bareRps).toFixed(2)} | ${cachedCpu.toFixed(0)} / ${bareCpu.toFixed(0)} |`,
  ];
  return `Throughput through yoga.fetch, 20 concurrent callers, each side in a process of its own, median of 5 rotated rounds of 1 s\n\n${rows.join('\n')}\n`;
}
