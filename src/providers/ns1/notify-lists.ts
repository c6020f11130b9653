import { z } from 'zod';
import { encodePath } from '../http.js';
import type { ProviderCalls } from '../provider-api.js';
import { createWithPut } from '../write-retries.js';
import { describedCatalogSchema, type Ns1Described } from './described.js';
import { jsonObject } from './fields.js';

const notifierSchema = z.object({ type: z.string(), config: jsonObject });

const listSchema = z
  .object({ id: z.string(), name: z.string(), notify_list: z.array(notifierSchema).nullish() })
  .transform((l) => ({ id: l.id, name: l.name, notifiers: l.notify_list ?? [] }));

export type Ns1Notifier = z.output<typeof notifierSchema>;
export type Ns1NotificationList = z.output<typeof listSchema>;

const listListSchema = z.array(listSchema);

/** NS1 notification lists: /lists. */
export class Ns1NotifyLists {
  constructor(private readonly api: ProviderCalls) {}

  list(): Promise<Ns1NotificationList[]> {
    return this.api.call({ method: 'GET', path: '/lists' }, listListSchema, 'notification lists');
  }

  get(id: string): Promise<Ns1NotificationList> {
    return this.api.call({ method: 'GET', path: encodePath('lists', id) }, listSchema, 'notification list');
  }

  create(name: string, notifiers: Ns1Notifier[]): Promise<Ns1NotificationList> {
    return this.api.call(createWithPut('/lists', { json: { name, notify_list: notifiers } }), listSchema, 'notification list');
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
}

/** The kinds of notifier a list may hold: GET /notifytypes. */
export class Ns1NotifierTypes {
  constructor(private readonly api: ProviderCalls) {}

  list(): Promise<Ns1Described[]> {
    return this.api.call({ method: 'GET', path: '/notifytypes' }, describedCatalogSchema, 'notifier types');
  }
}
