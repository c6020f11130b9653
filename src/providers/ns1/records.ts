import { encodePath } from '../http.js';
import type { Ns1Api } from './api.js';
import { recordSchema } from './dns-schemas.js';
import type { Ns1Record, Ns1RecordWrite, RecordTypeName } from './dns-types.js';

function recordBody(input: Ns1RecordWrite): Record<string, unknown> {
  return {
    ...(input.ttl !== undefined ? { ttl: input.ttl } : {}),
    ...(input.answers !== undefined
      ? { answers: input.answers.map((a) => ({ answer: a.rdata, ...(a.region ? { region: a.region } : {}), ...(a.meta ? { meta: a.meta } : {}) })) }
      : {}),
    ...(input.link !== undefined ? { link: input.link } : {}),
    ...(input.regions !== undefined ? { regions: Object.fromEntries(input.regions.map((r) => [r.name, { meta: r.meta ?? {} }])) } : {}),
    ...(input.filters !== undefined
      ? { filters: input.filters.map((f) => ({ filter: f.filter, config: f.config ?? {}, ...(f.disabled !== undefined ? { disabled: f.disabled } : {}) })) }
      : {}),
    ...(input.meta !== undefined ? { meta: input.meta } : {}),
    ...(input.useClientSubnet !== undefined ? { use_client_subnet: input.useClientSubnet } : {}),
  };
}

/** NS1 records: GET/PUT/POST/DELETE /zones/:zone/:domain/:type. */
export class Ns1Records {
  constructor(private readonly api: Ns1Api) {}

  get(zone: string, domain: string, type: RecordTypeName): Promise<Ns1Record> {
    return this.api.call({ method: 'GET', path: encodePath('zones', zone, domain, type), staleIfError: true }, recordSchema, 'record');
  }

  create(zone: string, domain: string, type: RecordTypeName, input: Ns1RecordWrite): Promise<Ns1Record> {
    const json = { zone, domain, type, ...recordBody(input), ...(input.answers === undefined && input.link ? { answers: [] } : {}) };
    return this.api.call({ method: 'PUT', path: encodePath('zones', zone, domain, type), json, retry: false }, recordSchema, 'record');
  }

  update(zone: string, domain: string, type: RecordTypeName, input: Ns1RecordWrite): Promise<Ns1Record> {
    return this.api.call({ method: 'POST', path: encodePath('zones', zone, domain, type), json: recordBody(input) }, recordSchema, 'record');
  }

  async delete(zone: string, domain: string, type: RecordTypeName): Promise<void> {
    await this.api.send({ method: 'DELETE', path: encodePath('zones', zone, domain, type), retry: false });
  }
}
