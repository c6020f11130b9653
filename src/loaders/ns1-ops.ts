import type { Ns1DataSource } from '../providers/ns1/data.js';
import type { Ns1RecordSummary } from '../providers/ns1/zones.js';
import type { Ns1MonitorJob } from '../providers/ns1/monitoring.js';
import type { Ns1NotificationList } from '../providers/ns1/notify-lists.js';
import type { Ns1Team } from '../providers/ns1/people.js';
import { eachKey } from './each-key.js';
import { orNull } from './or-null.js';
import { ns1ZoneDetail, ns1ZoneList, type Ns1Deps } from './ns1-dns.js';

const sourcesLoader = ({ ns1, loaders }: Ns1Deps) =>
  loaders.get<'all', Ns1DataSource[]>('ns1:sources', ns1.fingerprint, async () => [await ns1.dataSources.list()]);
const sourceLoader = ({ ns1, loaders }: Ns1Deps) =>
  loaders.get<string, Ns1DataSource | null>(
    'ns1:source',
    ns1.fingerprint,
    eachKey((id) => orNull(ns1.dataSources.get(id))),
  );
const jobsLoader = ({ ns1, loaders }: Ns1Deps) => loaders.get<'all', Ns1MonitorJob[]>('ns1:jobs', ns1.fingerprint, async () => [await ns1.monitorJobs.list()]);
const jobLoader = ({ ns1, loaders }: Ns1Deps) =>
  loaders.get<string, Ns1MonitorJob | null>(
    'ns1:job',
    ns1.fingerprint,
    eachKey((id) => orNull(ns1.monitorJobs.get(id))),
  );

/** Every data source with its feeds; each source read this way needs no request of its own. */
export async function ns1DataSources(deps: Ns1Deps): Promise<Ns1DataSource[]> {
  const sources = await sourcesLoader(deps).load('all');
  for (const source of sources) sourceLoader(deps).prime(source.id, source);
  return sources;
}

export function ns1DataSource(deps: Ns1Deps, id: string): Promise<Ns1DataSource | null> {
  return sourceLoader(deps).load(id);
}

export async function ns1DataFeed(deps: Ns1Deps, sourceId: string, feedId: string) {
  return (await ns1DataSource(deps, sourceId))?.feeds.find((f) => f.id === feedId) ?? null;
}

export async function ns1MonitorJobs(deps: Ns1Deps): Promise<Ns1MonitorJob[]> {
  const jobs = await jobsLoader(deps).load('all');
  for (const job of jobs) jobLoader(deps).prime(job.id, job);
  return jobs;
}

export function ns1MonitorJob(deps: Ns1Deps, id: string): Promise<Ns1MonitorJob | null> {
  return jobLoader(deps).load(id);
}

export function ns1NotificationList({ ns1, loaders }: Ns1Deps, id: string): Promise<Ns1NotificationList | null> {
  return loaders
    .get<string, Ns1NotificationList | null>(
      'ns1:list',
      ns1.fingerprint,
      eachKey((listId) => orNull(ns1.notifyLists.get(listId))),
    )
    .load(id);
}

export function ns1Team({ ns1, loaders }: Ns1Deps, id: string): Promise<Ns1Team | null> {
  return loaders
    .get<string, Ns1Team | null>(
      'ns1:team',
      ns1.fingerprint,
      eachKey((teamId) => orNull(ns1.teams.get(teamId))),
    )
    .load(id);
}

/**
 * A record by its NS1 id, as feed destinations name it. NS1 has no lookup by id, so the zones' listings
 * are searched; they are loaded once per operation and shared with every other field that needs them.
 */
export async function ns1RecordById(deps: Ns1Deps, id: string): Promise<Ns1RecordSummary | null> {
  const zones = await ns1ZoneList(deps);
  const details = await Promise.all(zones.filter((z) => !z.link).map((z) => ns1ZoneDetail(deps, z.asciiName)));
  for (const detail of details) {
    const found = detail?.records.find((r) => r.id === id);
    if (found) return found;
  }
  return null;
}

export function forgetNs1Sources(deps: Ns1Deps): void {
  sourcesLoader(deps).clearAll();
  sourceLoader(deps).clearAll();
}

export function forgetNs1Jobs(deps: Ns1Deps): void {
  jobsLoader(deps).clearAll();
  jobLoader(deps).clearAll();
}

/** Invoices: one list request answers every invoice an operation asks for. */
export function ns1Invoices({ ns1, loaders }: Ns1Deps) {
  return loaders
    .get<'all', Awaited<ReturnType<typeof ns1.invoices.list>>>('ns1:invoices', ns1.fingerprint, async () => [await ns1.invoices.list()])
    .load('all');
}

export async function ns1DataFeedById(deps: Ns1Deps, feedId: string) {
  for (const source of await ns1DataSources(deps)) {
    const feed = source.feeds.find((f) => f.id === feedId);
    if (feed) return feed;
  }
  return null;
}
