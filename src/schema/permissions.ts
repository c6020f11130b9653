import { z } from 'zod';
import type { Ns1Permissions } from '../providers/ns1/ops-schemas.js';
import { builder } from './builder.js';

const DnsPermissionsRef = builder.objectRef<Ns1Permissions['dns']>('DnsPermissions').implement({
  fields: (t) => ({
    viewZones: t.exposeBoolean('viewZones'),
    manageZones: t.exposeBoolean('manageZones'),
    zonesAllowByDefault: t.exposeBoolean('zonesAllowByDefault'),
    zonesAllow: t.field({ type: ['DomainName'], resolve: (p) => p.zonesAllow }),
    zonesDeny: t.field({ type: ['DomainName'], resolve: (p) => p.zonesDeny }),
  }),
});

const DataPermissionsRef = builder.objectRef<Ns1Permissions['data']>('DataPermissions').implement({
  fields: (t) => ({
    pushToDatafeeds: t.exposeBoolean('pushToDatafeeds'),
    manageDatasources: t.exposeBoolean('manageDatasources'),
    manageDatafeeds: t.exposeBoolean('manageDatafeeds'),
  }),
});

const AccountPermissionsRef = builder.objectRef<Ns1Permissions['account']>('AccountPermissions').implement({
  fields: (t) => ({
    manageUsers: t.exposeBoolean('manageUsers'),
    managePaymentMethods: t.exposeBoolean('managePaymentMethods'),
    managePlan: t.exposeBoolean('managePlan'),
    manageTeams: t.exposeBoolean('manageTeams'),
    manageApikeys: t.exposeBoolean('manageApikeys'),
    manageAccountSettings: t.exposeBoolean('manageAccountSettings'),
    viewActivityLog: t.exposeBoolean('viewActivityLog'),
    viewInvoices: t.exposeBoolean('viewInvoices'),
  }),
});

const MonitoringPermissionsRef = builder.objectRef<Ns1Permissions['monitoring']>('MonitoringPermissions').implement({
  fields: (t) => ({
    manageLists: t.exposeBoolean('manageLists'),
    manageJobs: t.exposeBoolean('manageJobs'),
    viewJobs: t.exposeBoolean('viewJobs'),
  }),
});

export const PermissionsRef = builder.objectRef<Ns1Permissions>('Permissions').implement({
  description: 'What an NS1 user, team or API key may do.',
  fields: (t) => ({
    dns: t.field({ type: DnsPermissionsRef, resolve: (p) => p.dns }),
    data: t.field({ type: DataPermissionsRef, resolve: (p) => p.data }),
    account: t.field({ type: AccountPermissionsRef, resolve: (p) => p.account }),
    monitoring: t.field({ type: MonitoringPermissionsRef, resolve: (p) => p.monitoring }),
  }),
});

const DnsPermissionsInput = builder.inputType('DnsPermissionsInput', {
  fields: (t) => ({
    viewZones: t.boolean(),
    manageZones: t.boolean(),
    zonesAllowByDefault: t.boolean(),
    zonesAllow: t.field({ type: ['DomainName'] }),
    zonesDeny: t.field({ type: ['DomainName'] }),
  }),
});

const DataPermissionsInput = builder.inputType('DataPermissionsInput', {
  fields: (t) => ({ pushToDatafeeds: t.boolean(), manageDatasources: t.boolean(), manageDatafeeds: t.boolean() }),
});

const AccountPermissionsInput = builder.inputType('AccountPermissionsInput', {
  fields: (t) => ({
    manageUsers: t.boolean(),
    managePaymentMethods: t.boolean(),
    managePlan: t.boolean(),
    manageTeams: t.boolean(),
    manageApikeys: t.boolean(),
    manageAccountSettings: t.boolean(),
    viewActivityLog: t.boolean(),
    viewInvoices: t.boolean(),
  }),
});

const MonitoringPermissionsInput = builder.inputType('MonitoringPermissionsInput', {
  fields: (t) => ({ manageLists: t.boolean(), manageJobs: t.boolean(), viewJobs: t.boolean() }),
});

export const PermissionsInput = builder.inputType('PermissionsInput', {
  description: 'Permission flags; flags left out are not granted on create and unchanged on update.',
  fields: (t) => ({
    dns: t.field({ type: DnsPermissionsInput }),
    data: t.field({ type: DataPermissionsInput }),
    account: t.field({ type: AccountPermissionsInput }),
    monitoring: t.field({ type: MonitoringPermissionsInput }),
  }),
});

export const nameRule = z.string().trim().min(1, 'must not be empty').max(255);
export const idRule = z.string().trim().min(1, 'must not be empty');
