import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { median, percentile } from './stats.js';
import type { Rate, Side, SideCommand, SideReport } from './throughput-side.js';

const SIDE_SCRIPT = fileURLToPath(new URL('./throughput-side.js', import.meta.url));

const ROUNDS = 24;
const SLICE_MS = 300;

/** A side's process, forked and warmed up, that runs a measured slice whenever asked. */
async function startSide(side: Side): Promise<{ run(ms: number): Promise<Rate>; close(): Promise<void> }> {
  const child: ChildProcess = fork(SIDE_SCRIPT, [side], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const next = async (): Promise<SideReport> => ((await once(child, 'message')) as [SideReport])[0];
  const ready = await next();
  if (!('ready' in ready)) throw new Error(`the ${side} side did not start`);
  return {
    run: async (ms) => {
      child.send({ run: ms } satisfies SideCommand);
      const report = await next();
      if (!('rate' in report)) throw new Error(`the ${side} side answered out of turn`);
      return report.rate;
    },
    close: async () => {
      child.send({ close: true } satisfies SideCommand);
      await once(child, 'exit');
    },
  };
}

/**
 * Slices of each side measured in turn, the order rotated every round; every side is a warmed-up process of
 * its own, idle while another is measured, so a change in machine load within the run weighs on each alike.
 */
export async function alternate(sides: Side[], rounds = ROUNDS, sliceMs = SLICE_MS): Promise<Record<Side, Rate[]>> {
  const running = [];
  // One at a time, so that no side's warm-up competes with another's.
  for (const side of sides) running.push(await startSide(side));
  const rates = Object.fromEntries(sides.map((side) => [side, [] as Rate[]])) as Record<Side, Rate[]>;
  try {
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < sides.length; i++) {
        const at = (round + i) % sides.length;
        rates[sides[at]!].push(await running[at]!.run(sliceMs));
      }
    }
  } finally {
    await Promise.all(running.map((side) => side.close()));
  }
  return rates;
}

/**
 * `{ __typename }` and a cached small query against bare yoga serving `{ __typename }` on the same machine:
 * medians of the slices' requests per second and CPU time per request, each ratio from those medians.
 */
export async function throughputVersusBareYoga(): Promise<string> {
  const rates = await alternate(['bare', 'typename', 'cached']);
  const rpsOf = (side: Side) => median(rates[side].map((r) => r.rps));
  const cpuOf = (side: Side) => median(rates[side].map((r) => r.cpuUs));
  // How far apart the slices of one round were, as the spread of their CPU ratios: the run's own noise.
  const spread = (side: Side) => {
    const ratios = rates.bare.map((bare, i) => bare.cpuUs / rates[side][i]!.cpuUs);
    return `${percentile(ratios, 25).toFixed(2)}–${percentile(ratios, 75).toFixed(2)}`;
  };
  const row = (query: string, side: Side) =>
    `| ${query} | ${rpsOf(side).toFixed(0)} | ${rpsOf('bare').toFixed(0)} | ${(rpsOf(side) / rpsOf('bare')).toFixed(2)} | ${cpuOf(side).toFixed(0)} / ${cpuOf('bare').toFixed(0)} | ${(cpuOf('bare') / cpuOf(side)).toFixed(2)} (${spread(side)}) |`;
  const rows = [
    '| query | dnsgraph req/s | bare yoga `{ __typename }` req/s | req/s ratio (goal ≥ 0.9) | CPU µs per request, dnsgraph / bare yoga | CPU ratio, bare / dnsgraph (quartiles per round) |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    row('`{ __typename }`', 'typename'),
    row('`{ zones { name providers } }` from the response cache', 'cached'),
  ];
  return `Throughput through yoga.fetch, 20 concurrent callers; each side a warmed-up process of its own, ${ROUNDS} rotated rounds of ${SLICE_MS} ms slices, medians\n\n${rows.join('\n')}\n`;
}
