import type { Scope } from './scopes.js';

/** The zone a field concerns, from its arguments or its result; `EVERY` where it is about the whole account. */
export const EVERY = Symbol('every zone');
type ZoneOf = (value: Record<string, unknown>) => string | typeof EVERY | null | undefined;

export interface FieldRule {
  /** The scope a token needs; without one the field only needs a valid token. */
  scope?: Scope;
  /** The zone named by the arguments: another zone is refused before the resolver runs. */
  zoneOfArgs?: ZoneOf;
  /** The zone of the answer, where no argument names it (an import job). */
  zoneOfResult?: ZoneOf;
}

const read = (scope: Scope, fields: string[], extra: Omit<FieldRule, 'scope'> = {}): Record<string, FieldRule> =>
  Object.fromEntries(fields.map((field) => [field, { scope, ...extra }]));

const byName: ZoneOf = (args) => args.name as string;
const byZone: ZoneOf = (args) => args.zone as string;
const byInputZone =
  (key: 'name' | 'zone'): ZoneOf =>
  (args) =>
    (args.input as Record<string, unknown> | undefined)?.[key] as string | undefined;
/** Account-wide figures add up every zone, so only a caller allowed every zone sees them. */
const accountWide: ZoneOf = () => EVERY;
/** QPS of a zone or record, or of the whole account without one. */
const qpsZone: ZoneOf = (args) => (args.zone as string | null | undefined) ?? EVERY;

/**
 * Every root field, and the nested fields that reach another area, with the scope it needs and the zone it
 * touches. The schema refuses to build with a root field missing here, so nothing new is open by accident.
 */
export const FIELD_RULES: Record<string, FieldRule> = {
  'Query.viewer': {},
  'Query.stats': {},
  ...read('dns:read', ['Query.zones', 'Query.zone', 'Query.search', 'Query.networks', 'Query.metaTypes', 'Query.filterTypes']),
  'Query.record': { scope: 'dns:read', zoneOfArgs: byZone },
  'Query.zoneImport': { scope: 'dns:read', zoneOfResult: (job) => (job.zone as string | null) ?? EVERY },
  'Query.pulsar': { scope: 'dns:read', zoneOfArgs: accountWide },
  ...read('dns:read', ['Stats.qps', 'Stats.usage'], { zoneOfArgs: accountWide }),
  ...read('data:read', ['Query.dataSourceTypes', 'Query.dataSources', 'Query.dataSource', 'Query.dataFeed', 'FeedPointer.dataFeed']),
  'FeedDestination.record': { scope: 'dns:read' },
  ...read('monitoring:read', [
    'Query.monitorJobs',
    'Query.monitorHistory',
    'Query.monitorJob',
    'Query.monitorJobTypes',
    'Query.monitorRegions',
    'Query.notificationLists',
    'Query.notificationList',
    'Query.notifierTypes',
  ]),
  ...read('account:read', [
    'Viewer.buddyns',
    'Ns1Account.settings',
    'Ns1Account.usageWarnings',
    'Ns1Account.users',
    'Ns1Account.user',
    'Ns1Account.apiKeys',
    'Ns1Account.apiKey',
    'Ns1Account.teams',
    'Ns1Account.team',
    'Ns1Account.ipAllowLists',
    'Ns1Account.activity',
  ]),
  ...read('billing:read', [
    'Ns1Account.plan',
    'Ns1Account.planTypes',
    'Ns1Account.invoices',
    'Ns1Account.invoice',
    'Ns1Account.bill',
    'Ns1Account.paymentMethods',
    'Ns1Account.paymentMethod',
  ]),

  'Mutation.createZone': { scope: 'dns:write', zoneOfArgs: byInputZone('name') },
  'Mutation.updateZone': { scope: 'dns:write', zoneOfArgs: byName },
  'Mutation.deleteZone': { scope: 'dns:write', zoneOfArgs: byName },
  'Mutation.syncZone': { scope: 'dns:write', zoneOfArgs: byName },
  'Mutation.setBuddyNsMaster': { scope: 'dns:write', zoneOfArgs: byName },
  'Mutation.syncAllZones': { scope: 'dns:write', zoneOfArgs: accountWide },
  'Mutation.createRecord': { scope: 'dns:write', zoneOfArgs: byInputZone('zone') },
  'Mutation.updateRecord': { scope: 'dns:write', zoneOfArgs: byZone },
  'Mutation.deleteRecord': { scope: 'dns:write', zoneOfArgs: byZone },
  'Mutation.importZoneFile': { scope: 'dns:write', zoneOfArgs: byName },
  ...read('data:write', [
    'Mutation.createDataSource',
    'Mutation.updateDataSource',
    'Mutation.deleteDataSource',
    'Mutation.createDataFeed',
    'Mutation.updateDataFeed',
    'Mutation.deleteDataFeed',
    'Mutation.publishFeedData',
  ]),
  ...read('monitoring:write', [
    'Mutation.createMonitorJob',
    'Mutation.updateMonitorJob',
    'Mutation.deleteMonitorJob',
    'Mutation.createNotificationList',
    'Mutation.updateNotificationList',
    'Mutation.deleteNotificationList',
  ]),
  ...read('account:write', [
    'Mutation.updateBuddyNsProfile',
    'Mutation.updateAccountSettings',
    'Mutation.updateUsageWarnings',
    'Mutation.createUser',
    'Mutation.updateUser',
    'Mutation.deleteUser',
    'Mutation.reinviteUser',
    'Mutation.createApiKey',
    'Mutation.updateApiKey',
    'Mutation.deleteApiKey',
    'Mutation.createTeam',
    'Mutation.updateTeam',
    'Mutation.deleteTeam',
    'Mutation.createIpAllowList',
    'Mutation.updateIpAllowList',
    'Mutation.deleteIpAllowList',
  ]),
  ...read('billing:write', ['Mutation.changePlan', 'Mutation.addPaymentMethod', 'Mutation.setDefaultPaymentMethod', 'Mutation.deletePaymentMethod']),

  'Subscription.qps': { scope: 'dns:read', zoneOfArgs: qpsZone },
  'Subscription.zoneTransferStatus': { scope: 'dns:read', zoneOfArgs: byName },
  'Subscription.zoneImport': { scope: 'dns:read', zoneOfResult: (job) => (job.zone as string | null) ?? EVERY },
  'Subscription.monitorJobStatus': { scope: 'monitoring:read' },
};

/** Entity types another subgraph can reach through `_entities`, with the scope reading them needs. */
export const ENTITY_SCOPES: Record<string, Scope> = {
  Zone: 'dns:read',
  Record: 'dns:read',
  MonitorJob: 'monitoring:read',
  DataSource: 'data:read',
  DataFeed: 'data:read',
  Invoice: 'billing:read',
};

/** Federation's own root fields: `_entities` checks each representation, `_service` is the SDL. */
export const FEDERATION_FIELDS = new Set(['Query._entities', 'Query._service']);
