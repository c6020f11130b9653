import { createHash } from 'node:crypto';
import type { HttpClient } from '../http.js';
import type { OperationScope } from '../operation-scope.js';
import { ProviderApi } from '../provider-api.js';
import { Ns1AccountSettingsApi, Ns1BillApi, Ns1UsageWarningsApi } from './account.js';
import { Ns1Activity } from './activity.js';
import { Ns1Invoices, Ns1PaymentMethods } from './billing.js';
import { Ns1FilterTypes, Ns1MetaTypes, Ns1Networks, Ns1Search } from './catalog.js';
import { Ns1DataFeeds, Ns1DataSources, Ns1DataSourceTypes } from './data.js';
import { Ns1IpAllowLists } from './ip-allow-lists.js';
import { Ns1MonitorHistory, Ns1MonitorJobs, Ns1MonitorJobTypes, Ns1MonitorMetricSeries, Ns1MonitorRegions } from './monitoring.js';
import { Ns1NotifierTypes, Ns1NotifyLists } from './notify-lists.js';
import { Ns1ApiKeys, Ns1Teams, Ns1Users } from './people.js';
import { Ns1PlanApi, Ns1PlanTypes } from './plans.js';
import { ns1Provider } from './provider.js';
import { Ns1PulsarApps, Ns1PulsarData, Ns1PulsarJobs } from './pulsar.js';
import { Ns1Records } from './records.js';
import { Ns1Qps, Ns1Usage } from './stats.js';
import { Ns1ZoneImports } from './zone-import.js';
import { Ns1Zones } from './zones.js';

/**
 * The NS1 REST API v1 for one API key: one module per endpoint group, one property per resource, and on
 * each the verbs `list`, `get`, `create`, `update`, `delete` that the resource has. Each parses NS1's JSON
 * with the zod schema beside its call and returns domain shapes.
 */
export class Ns1Client extends ProviderApi<string> {
  // DNS
  readonly zones = new Ns1Zones(this);
  readonly records = new Ns1Records(this);
  readonly zoneImports = new Ns1ZoneImports(this);
  readonly qps = new Ns1Qps(this);
  readonly usage = new Ns1Usage(this);
  readonly networks = new Ns1Networks(this);
  readonly metaTypes = new Ns1MetaTypes(this);
  readonly filterTypes = new Ns1FilterTypes(this);
  readonly search = new Ns1Search(this);
  // Data sources and feeds
  readonly dataSourceTypes = new Ns1DataSourceTypes(this);
  readonly dataSources = new Ns1DataSources(this);
  readonly dataFeeds = new Ns1DataFeeds(this);
  // Monitoring and notification lists
  readonly monitorJobs = new Ns1MonitorJobs(this);
  readonly monitorJobTypes = new Ns1MonitorJobTypes(this);
  readonly monitorRegions = new Ns1MonitorRegions(this);
  readonly monitorHistory = new Ns1MonitorHistory(this);
  readonly monitorMetrics = new Ns1MonitorMetricSeries(this);
  readonly notifyLists = new Ns1NotifyLists(this);
  readonly notifierTypes = new Ns1NotifierTypes(this);
  // Account
  readonly accountSettings = new Ns1AccountSettingsApi(this);
  readonly usageWarnings = new Ns1UsageWarningsApi(this);
  readonly planTypes = new Ns1PlanTypes(this);
  readonly plan = new Ns1PlanApi(this);
  readonly bill = new Ns1BillApi(this);
  readonly invoices = new Ns1Invoices(this, (invoiceId, sent) => this.invoiceAuthToken(invoiceId, sent));
  readonly paymentMethods = new Ns1PaymentMethods(this);
  readonly users = new Ns1Users(this);
  readonly apiKeys = new Ns1ApiKeys(this);
  readonly teams = new Ns1Teams(this);
  readonly ipAllowLists = new Ns1IpAllowLists(this);
  readonly activity = new Ns1Activity(this);
  // Pulsar
  readonly pulsarApps = new Ns1PulsarApps(this);
  readonly pulsarJobs = new Ns1PulsarJobs(this);
  readonly pulsarData = new Ns1PulsarData(this);

  /** `principal`: whose requests these are, for the fair share of the key's rate budget; `scope`: the operation they belong to. */
  constructor(http: HttpClient, apiKey: string, endpoint: string, principal?: string, scope?: OperationScope, fingerprint?: string) {
    super(http, ns1Provider, apiKey, endpoint, principal, scope, fingerprint);
  }

  /** The documented alternative to the key header for invoice PDFs: sha1(key + invoice id + sent). */
  private invoiceAuthToken(invoiceId: string, sent: number | string): string {
    return createHash('sha1').update(`${this.credential}${invoiceId}${sent}`).digest('hex');
  }
}
