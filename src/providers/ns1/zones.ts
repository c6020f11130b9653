import { encodePath } from '../http.js';
import type { Ns1Api } from './api.js';
import { zoneDetailSchema, zoneListSchema } from './dns-schemas.js';
import type { Ns1ZoneDetail, Ns1ZoneSummary, Ns1ZoneWrite } from './dns-types.js';

function zoneBody(name: string | undefined, input: Ns1ZoneWrite): Record<string, unknown> {
  return {
    ...(name ? { zone: name } : {}),
    ...(input.ttl !== undefined ? { ttl: input.ttl } : {}),
    ...(input.refresh !== undefined ? { refresh: input.refresh } : {}),
    ...(input.retry !== undefined ? { retry: input.retry } : {}),
    ...(input.expiry !== undefined ? { expiry: input.expiry } : {}),
    ...(input.nxTtl !== undefined ? { nx_ttl: input.nxTtl } : {}),
    ...(input.hostmaster !== undefined ? { hostmaster: input.hostmaster } : {}),
    ...(input.link !== undefined ? { link: input.link } : {}),
    ...(input.networks !== undefined ? { networks: input.networks } : {}),
    ...(input.meta !== undefined ? { meta: input.meta } : {}),
    ...(input.primary
      ? {
          primary: {
            enabled: input.primary.enabled,
            secondaries: input.primary.secondaries.map((s) => ({ ip: s.ip, port: s.port ?? 53, notify: s.notify ?? false })),
          },
        }
      : {}),
    ...(input.secondary
      ? {
          secondary: {
            enabled: input.secondary.enabled,
            primary_ip: input.secondary.primaryIp,
            ...(input.secondary.primaryPort ? { primary_port: input.secondary.primaryPort } : {}),
          },
        }
      : {}),
  };
}

/** NS1 zones: GET /zones, GET/PUT/POST/DELETE /zones/:zone. Zone names go out in ASCII. */
export class Ns1Zones {
  constructor(private readonly api: Ns1Api) {}

  list(): Promise<Ns1ZoneSummary[]> {
    return this.api.call({ method: 'GET', path: '/zones', staleIfError: true }, zoneListSchema, 'zone list');
  }

  get(asciiName: string): Promise<Ns1ZoneDetail> {
    return this.api.call({ method: 'GET', path: encodePath('zones', asciiName), staleIfError: true }, zoneDetailSchema, 'zone');
  }

  create(asciiName: string, input: Ns1ZoneWrite): Promise<Ns1ZoneDetail> {
    return this.api.call({ method: 'PUT', path: encodePath('zones', asciiName), json: zoneBody(asciiName, input), retry: false }, zoneDetailSchema, 'zone');
  }

  update(asciiName: string, input: Ns1ZoneWrite): Promise<Ns1ZoneDetail> {
    return this.api.call({ method: 'POST', path: encodePath('zones', asciiName), json: zoneBody(undefined, input) }, zoneDetailSchema, 'zone');
  }

  async delete(asciiName: string): Promise<void> {
    await this.api.send({ method: 'DELETE', path: encodePath('zones', asciiName), retry: false });
  }
}
