import type { GatewayContext } from '../../context.js';
import { badInput } from '../../errors/gateway-error.js';
import { forgetNs1Jobs } from '../../loaders/ns1-ops.js';
import type { Ns1MonitorJob, Ns1MonitorJobWrite, Ns1MonitorRule } from '../../providers/ns1/monitoring.js';
import { omitNulls, type Maybe } from '../omit-nulls.js';
import { requireNs1 } from '../providers.js';
import { createInCollection } from '../writes/verified-create.js';

export interface MonitorJobArgs {
  name?: Maybe<string>;
  jobType?: Maybe<string>;
  active?: Maybe<boolean>;
  regionScope?: Maybe<string>;
  regions?: Maybe<string[]>;
  frequency?: Maybe<number>;
  policy?: Maybe<string>;
  config?: Maybe<Record<string, unknown>>;
  rules?: Maybe<Array<{ key: string; comparison: string; value: unknown }>>;
  notifyListId?: Maybe<string>;
  notifyDelay?: Maybe<number>;
  notifyRepeat?: Maybe<number>;
  notifyFailback?: Maybe<boolean>;
  notifyRegional?: Maybe<boolean>;
  rapidRecheck?: Maybe<boolean>;
  notes?: Maybe<string>;
}

const toWrite = (args: MonitorJobArgs): Ns1MonitorJobWrite => omitNulls(args);

function checkRules(rules: Maybe<Ns1MonitorRule[]>): void {
  for (const [i, rule] of (rules ?? []).entries()) {
    if (rule.comparison === 'contains' && typeof rule.value !== 'string') throw badInput(`input.rules[${i}].value`, '"contains" compares with a string');
    if (rule.comparison !== 'contains' && typeof rule.value !== 'number')
      throw badInput(`input.rules[${i}].value`, `"${rule.comparison}" compares with a number`);
  }
}

export const monitorJobTypes = (ctx: GatewayContext) => requireNs1(ctx).ns1.monitorJobTypes.list();
export const monitorRegions = (ctx: GatewayContext) => requireNs1(ctx).ns1.monitorRegions.list();

export async function createMonitorJob(ctx: GatewayContext, args: MonitorJobArgs): Promise<Ns1MonitorJob> {
  if (!args.name) throw badInput('input.name', 'a new monitoring job needs a name');
  if (!args.jobType) throw badInput('input.jobType', 'a new monitoring job needs a job type');
  if (!args.regions || args.regions.length === 0) throw badInput('input.regions', 'name at least one monitoring region');
  if (!args.config) throw badInput('input.config', 'a new monitoring job needs its configuration, e.g. {"host": "192.0.2.1"}');
  checkRules(args.rules);
  const deps = requireNs1(ctx);
  const name = args.name;
  const job = await createInCollection(ctx, {
    what: 'monitoring job',
    list: () => deps.ns1.monitorJobs.list(),
    create: () => deps.ns1.monitorJobs.create(toWrite(args)),
    isOurs: (existing) => existing.name === name,
  });
  forgetNs1Jobs(deps);
  return job;
}

export async function updateMonitorJob(ctx: GatewayContext, id: string, args: MonitorJobArgs): Promise<Ns1MonitorJob> {
  checkRules(args.rules);
  if (args.regions && args.regions.length === 0) throw badInput('input.regions', 'name at least one monitoring region');
  const deps = requireNs1(ctx);
  const job = await deps.ns1.monitorJobs.update(id, toWrite(args));
  forgetNs1Jobs(deps);
  return job;
}

export async function deleteMonitorJob(ctx: GatewayContext, id: string): Promise<boolean> {
  const deps = requireNs1(ctx);
  await deps.ns1.monitorJobs.delete(id);
  forgetNs1Jobs(deps);
  return true;
}

export interface HistoryArgs {
  period?: Maybe<string>;
  start?: Maybe<Date>;
  end?: Maybe<Date>;
  limit?: Maybe<number>;
  region?: Maybe<string>;
  exact?: Maybe<boolean>;
}

/** Status changes of one job, or of every job of the account when `jobId` is left out. */
export function monitorHistory(ctx: GatewayContext, jobId: string | undefined, args: HistoryArgs) {
  if (args.start && args.end && args.start > args.end) throw badInput('start', 'must be before end');
  if (args.exact && !args.start) throw badInput('start', 'exact needs a start: the status is computed as of start and end');
  return requireNs1(ctx).ns1.monitorHistory.list(jobId, {
    ...(args.period ? { period: args.period } : {}),
    ...(args.start ? { start: args.start } : {}),
    ...(args.end ? { end: args.end } : {}),
    ...(args.limit ? { limit: args.limit } : {}),
    ...(args.region ? { region: args.region } : {}),
    ...(args.exact != null ? { exact: args.exact } : {}),
  });
}

export const jobHistory = (ctx: GatewayContext, job: Ns1MonitorJob, args: HistoryArgs) => monitorHistory(ctx, job.id, args);

export function jobMetrics(ctx: GatewayContext, job: Ns1MonitorJob, args: { period?: Maybe<string>; metric?: Maybe<string>; region?: Maybe<string> }) {
  return requireNs1(ctx).ns1.monitorMetrics.list(job.id, {
    ...(args.period ? { period: args.period } : {}),
    ...(args.metric ? { metric: args.metric } : {}),
    ...(args.region ? { region: args.region } : {}),
  });
}
