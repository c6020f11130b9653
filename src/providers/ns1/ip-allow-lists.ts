import { z } from 'zod';
import { encodePath } from '../http.js';
import type { ProviderCalls } from '../provider-api.js';
import { createWithPut } from '../write-retries.js';

const listSchema = z.object({ id: z.string(), name: z.string(), values: z.array(z.string()) });

export type Ns1IpAllowList = z.output<typeof listSchema>;

const listListSchema = z.array(listSchema);

/** NS1 IP allow lists (the API calls them whitelist): /account/whitelist. */
export class Ns1IpAllowLists {
  constructor(private readonly api: ProviderCalls) {}

  list(): Promise<Ns1IpAllowList[]> {
    return this.api.call({ method: 'GET', path: '/account/whitelist' }, listListSchema, 'IP allow lists');
  }

  get(id: string): Promise<Ns1IpAllowList> {
    return this.api.call({ method: 'GET', path: encodePath('account', 'whitelist', id) }, listSchema, 'IP allow list');
  }

  create(name: string, values: string[]): Promise<Ns1IpAllowList> {
    return this.api.call(createWithPut('/account/whitelist', { json: { name, values } }), listSchema, 'IP allow list');
  }

  update(id: string, change: { name?: string; values?: string[] }): Promise<Ns1IpAllowList> {
    return this.api.call({ method: 'POST', path: encodePath('account', 'whitelist', id), json: change }, listSchema, 'IP allow list');
  }

  async delete(id: string): Promise<void> {
    await this.api.send({ method: 'DELETE', path: encodePath('account', 'whitelist', id) });
  }
}
