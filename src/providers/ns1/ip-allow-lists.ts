import { z } from 'zod';
import { encodePath } from '../http.js';
import type { Ns1Api } from './api.js';

export interface Ns1IpAllowList {
  id: string;
  name: string;
  values: string[];
}

const listSchema = z.object({ id: z.string(), name: z.string(), values: z.array(z.string()) });

/** NS1 IP allow lists (the API calls them whitelist). */
export class Ns1IpAllowLists {
  constructor(private readonly api: Ns1Api) {}

  lists(): Promise<Ns1IpAllowList[]> {
    return this.api.call({ method: 'GET', path: '/account/whitelist' }, z.array(listSchema), 'IP allow lists');
  }

  list(id: string): Promise<Ns1IpAllowList> {
    return this.api.call({ method: 'GET', path: encodePath('account', 'whitelist', id) }, listSchema, 'IP allow list');
  }

  create(name: string, values: string[]): Promise<Ns1IpAllowList> {
    return this.api.call({ method: 'PUT', path: '/account/whitelist', json: { name, values }, retry: false }, listSchema, 'IP allow list');
  }

  update(id: string, change: { name?: string; values?: string[] }): Promise<Ns1IpAllowList> {
    return this.api.call({ method: 'POST', path: encodePath('account', 'whitelist', id), json: change }, listSchema, 'IP allow list');
  }

  async delete(id: string): Promise<void> {
    await this.api.send({ method: 'DELETE', path: encodePath('account', 'whitelist', id) });
  }
}
