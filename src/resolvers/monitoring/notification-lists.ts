import type { GatewayContext } from '../../context.js';
import { ns1NotificationList } from '../../loaders/ns1-ops.js';
import type { Ns1MonitorJob } from '../../providers/ns1/monitoring.js';
import type { Ns1Notifier } from '../../providers/ns1/notify-lists.js';
import { badInput } from '../../errors/gateway-error.js';
import type { Maybe } from '../omit-nulls.js';
import { requireNs1 } from '../providers.js';
import { createInCollection } from '../writes/verified-create.js';

export const notificationLists = (ctx: GatewayContext) => requireNs1(ctx).ns1.notifyLists.list();
export const notifierTypes = (ctx: GatewayContext) => requireNs1(ctx).ns1.notifierTypes.list();

export function jobNotifyList(ctx: GatewayContext, job: Ns1MonitorJob) {
  return job.notifyListId ? ns1NotificationList(requireNs1(ctx), job.notifyListId) : Promise.resolve(null);
}

export async function createNotificationList(ctx: GatewayContext, name: string, notifiers: Ns1Notifier[]) {
  if (name.trim() === '') throw badInput('input.name', 'a new notification list needs a name');
  const { notifyLists } = requireNs1(ctx).ns1;
  return createInCollection(ctx, {
    what: 'notification list',
    list: () => notifyLists.list(),
    create: () => notifyLists.create(name, notifiers),
    isOurs: (list) => list.name === name,
  });
}

export async function updateNotificationList(ctx: GatewayContext, id: string, change: { name?: Maybe<string>; notifiers?: Maybe<Ns1Notifier[]> }) {
  return requireNs1(ctx).ns1.notifyLists.update(id, {
    ...(change.name ? { name: change.name } : {}),
    ...(change.notifiers ? { notifiers: change.notifiers } : {}),
  });
}

export async function deleteNotificationList(ctx: GatewayContext, id: string): Promise<boolean> {
  await requireNs1(ctx).ns1.notifyLists.delete(id);
  return true;
}
