import type { Ns1Permissions } from '../providers/ns1/permissions.js';
import { builder } from './builder.js';

const DnsPermissionsRef = builder.objectRef<Ns1Permissions['dns']>('DnsPermissions').implement({
  description: 'What may be done with zones and records.',
  fields: (t) => ({
    viewZones: t.exposeBoolean('viewZones', { description: 'May view zones, their records and statistics.' }),
    manageZones: t.exposeBoolean('manageZones', { description: 'May create, change and delete zones and records.' }),
    zonesAllowByDefault: t.exposeBoolean('zonesAllowByDefault', {
      description: 'Whether every zone is covered except those in zonesDeny; when false, only the zones in zonesAllow.',
    }),
    zonesAllow: t.field({ type: ['DomainName'], description: 'Zones covered when zonesAllowByDefault is false.', resolve: (p) => p.zonesAllow }),
    zonesDeny: t.field({ type: ['DomainName'], description: 'Zones excluded when zonesAllowByDefault is true.', resolve: (p) => p.zonesDeny }),
  }),
});

const DataPermissionsRef = builder.objectRef<Ns1Permissions['data']>('DataPermissions').implement({
  description: 'What may be done with data sources and feeds.',
  fields: (t) => ({
    pushToDatafeeds: t.exposeBoolean('pushToDatafeeds', { description: 'May publish data to feeds.' }),
    manageDatasources: t.exposeBoolean('manageDatasources', { description: 'May create, change and delete data sources.' }),
    manageDatafeeds: t.exposeBoolean('manageDatafeeds', { description: 'May create, change and delete data feeds.' }),
  }),
});

const AccountPermissionsRef = builder.objectRef<Ns1Permissions['account']>('AccountPermissions').implement({
  description: 'What may be done with the account itself.',
  fields: (t) => ({
    manageUsers: t.exposeBoolean('manageUsers', { description: 'May invite, change and delete users.' }),
    managePaymentMethods: t.exposeBoolean('managePaymentMethods', { description: 'May add, choose and delete payment methods.' }),
    managePlan: t.exposeBoolean('managePlan', { description: 'May change the subscription plan.' }),
    manageTeams: t.exposeBoolean('manageTeams', { description: 'May create, change and delete teams.' }),
    manageApikeys: t.exposeBoolean('manageApikeys', { description: 'May create, change and delete API keys.' }),
    manageAccountSettings: t.exposeBoolean('manageAccountSettings', { description: 'May change the account’s contact details and usage warnings.' }),
    viewActivityLog: t.exposeBoolean('viewActivityLog', { description: 'May read the activity log.' }),
    viewInvoices: t.exposeBoolean('viewInvoices', { description: 'May read invoices.' }),
  }),
});

const MonitoringPermissionsRef = builder.objectRef<Ns1Permissions['monitoring']>('MonitoringPermissions').implement({
  description: 'What may be done with monitoring.',
  fields: (t) => ({
    manageLists: t.exposeBoolean('manageLists', { description: 'May create, change and delete notification lists.' }),
    manageJobs: t.exposeBoolean('manageJobs', { description: 'May create, change and delete monitoring jobs.' }),
    viewJobs: t.exposeBoolean('viewJobs', { description: 'May view monitoring jobs and their status.' }),
  }),
});

export const PermissionsRef = builder.objectRef<Ns1Permissions>('Permissions').implement({
  description: 'What an NS1 user, team or API key may do.',
  fields: (t) => ({
    dns: t.field({ type: DnsPermissionsRef, description: 'Zones and records.', resolve: (p) => p.dns }),
    data: t.field({ type: DataPermissionsRef, description: 'Data sources and feeds.', resolve: (p) => p.data }),
    account: t.field({ type: AccountPermissionsRef, description: 'The account: users, teams, keys, billing, settings.', resolve: (p) => p.account }),
    monitoring: t.field({ type: MonitoringPermissionsRef, description: 'Monitoring jobs and notification lists.', resolve: (p) => p.monitoring }),
  }),
});

const DnsPermissionsInput = builder.inputType('DnsPermissionsInput', {
  description: 'Flags for zones and records; those left out are not granted on create and unchanged on update.',
  fields: (t) => ({
    viewZones: t.boolean({ description: 'View zones, their records and statistics.' }),
    manageZones: t.boolean({ description: 'Create, change and delete zones and records.' }),
    zonesAllowByDefault: t.boolean({ description: 'Cover every zone except zonesDeny; false covers only zonesAllow.' }),
    zonesAllow: t.field({ type: ['DomainName'], description: 'Zones covered when zonesAllowByDefault is false.' }),
    zonesDeny: t.field({ type: ['DomainName'], description: 'Zones excluded when zonesAllowByDefault is true.' }),
  }),
});

const DataPermissionsInput = builder.inputType('DataPermissionsInput', {
  description: 'Flags for data sources and feeds; those left out are not granted on create and unchanged on update.',
  fields: (t) => ({
    pushToDatafeeds: t.boolean({ description: 'Publish data to feeds.' }),
    manageDatasources: t.boolean({ description: 'Create, change and delete data sources.' }),
    manageDatafeeds: t.boolean({ description: 'Create, change and delete data feeds.' }),
  }),
});

const AccountPermissionsInput = builder.inputType('AccountPermissionsInput', {
  description: 'Flags for the account; those left out are not granted on create and unchanged on update.',
  fields: (t) => ({
    manageUsers: t.boolean({ description: 'Invite, change and delete users.' }),
    managePaymentMethods: t.boolean({ description: 'Add, choose and delete payment methods.' }),
    managePlan: t.boolean({ description: 'Change the subscription plan.' }),
    manageTeams: t.boolean({ description: 'Create, change and delete teams.' }),
    manageApikeys: t.boolean({ description: 'Create, change and delete API keys.' }),
    manageAccountSettings: t.boolean({ description: 'Change contact details and usage warnings.' }),
    viewActivityLog: t.boolean({ description: 'Read the activity log.' }),
    viewInvoices: t.boolean({ description: 'Read invoices.' }),
  }),
});

const MonitoringPermissionsInput = builder.inputType('MonitoringPermissionsInput', {
  description: 'Flags for monitoring; those left out are not granted on create and unchanged on update.',
  fields: (t) => ({
    manageLists: t.boolean({ description: 'Create, change and delete notification lists.' }),
    manageJobs: t.boolean({ description: 'Create, change and delete monitoring jobs.' }),
    viewJobs: t.boolean({ description: 'View monitoring jobs and their status.' }),
  }),
});

export const PermissionsInput = builder.inputType('PermissionsInput', {
  description: 'Permission flags; flags left out are not granted on create and unchanged on update.',
  fields: (t) => ({
    dns: t.field({ type: DnsPermissionsInput, description: 'Zones and records.' }),
    data: t.field({ type: DataPermissionsInput, description: 'Data sources and feeds.' }),
    account: t.field({ type: AccountPermissionsInput, description: 'The account: users, teams, keys, billing, settings.' }),
    monitoring: t.field({ type: MonitoringPermissionsInput, description: 'Monitoring jobs and notification lists.' }),
  }),
});
