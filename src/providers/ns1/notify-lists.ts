import { z } from 'zod';
import { encodePath } from '../http.js';
import type { Ns1Api } from './api.js';
import { describedCatalogSchema, jsonObject, toDescribed, type Ns1Described } from './ops-schemas.js';

export interface Ns1Notifier {
  type: string;
  config: Record<string, unknown>;
}

export interface Ns1NotificationList {
  id: string;
  name: string;
  notifiers: Ns1Notifier[];
}

const listSchema = z
  .object({ id: z.string(), name: z.string(), notify_list: z.array(z.object({ type: z.string(), config: jsonObject })).nullish() })
  .transform((l): Ns1NotificationList => ({ id: l.id, name: l.name, notifiers: l.notify_list ?? [] }));

/** NS1 notification lists (/lists) and notifier types (/notifytypes). */
export class Ns1NotifyLists {
  constructor(private readonly api: Ns1Api) {}

  lists(): Promise<Ns1NotificationList[]> {
    return this.api.call({ method: 'GET', path: '/lists' }, z.array(listSchema), 'notification lists');
  }

  list(id: string): Promise<Ns1NotificationList> {
    return this.api.call({ method: 'GET', path: encodePath('lists', id) }, listSchema, 'notification list');
  }

  create(name: string, notifiers: Ns1Notifier[]): Promise<Ns1NotificationList> {
    return this.api.call({ method: 'PUT', path: '/lists', json: { name, notify_list: notifiers }, retry: false }, listSchema, 'notification list');
  }

  update(id: string, change: { name?: string; notifiers?: Ns1Notifier[] }): Promise<Ns1NotificationList> {
    return this.api.call(
      {
        method: 'POST',
        path: encodePath('lists', id),
        json: { ...(change.name !== undefined ? { name: change.name } : {}), ...(change.notifiers ? { notify_list: change.notifiers } : {}) },
      },
      listSchema,
      'notification list',
    );
  }

  async delete(id: string): Promise<void> {
    await this.api.send({ method: 'DELETE', path: encodePath('lists', id) });
  }

  async notifierTypes(): Promise<Ns1Described[]> {
    return toDescribed(await this.api.call({ method: 'GET', path: '/notifytypes' }, describedCatalogSchema, 'notifier types'));
  }
}
