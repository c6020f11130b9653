import type { HttpClient } from '../http.js';
import { Ns1Api } from './api.js';
import { Ns1Catalog } from './catalog.js';
import { Ns1Records } from './records.js';
import { Ns1Stats } from './stats.js';
import { Ns1Zones } from './zones.js';
import { Ns1ZoneImports } from './zone-import.js';

/**
 * The NS1 REST API v1 for one API key: one method per documented endpoint, grouped as the documentation
 * groups them. Each group parses NS1's JSON with zod and returns domain shapes.
 */
export class Ns1Client {
  readonly api: Ns1Api;
  readonly zones: Ns1Zones;
  readonly records: Ns1Records;
  readonly stats: Ns1Stats;
  readonly catalog: Ns1Catalog;
  readonly imports: Ns1ZoneImports;

  constructor(http: HttpClient, apiKey: string) {
    this.api = new Ns1Api(http, apiKey);
    this.zones = new Ns1Zones(this.api);
    this.records = new Ns1Records(this.api);
    this.stats = new Ns1Stats(this.api);
    this.catalog = new Ns1Catalog(this.api);
    this.imports = new Ns1ZoneImports(this.api);
  }

  get fingerprint(): string {
    return this.api.fingerprint;
  }
}
