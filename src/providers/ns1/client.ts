import type { HttpClient } from '../http.js';
import { Ns1Account } from './account.js';
import { Ns1Activity } from './activity.js';
import { Ns1Api } from './api.js';
import { Ns1Billing } from './billing.js';
import { Ns1Data } from './data.js';
import { Ns1IpAllowLists } from './ip-allow-lists.js';
import { Ns1Monitoring } from './monitoring.js';
import { Ns1NotifyLists } from './notify-lists.js';
import { Ns1People } from './people.js';
import { Ns1Pulsar } from './pulsar.js';
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
  readonly data: Ns1Data;
  readonly monitoring: Ns1Monitoring;
  readonly notifyLists: Ns1NotifyLists;
  readonly account: Ns1Account;
  readonly people: Ns1People;
  readonly ipAllowLists: Ns1IpAllowLists;
  readonly billing: Ns1Billing;
  readonly activity: Ns1Activity;
  readonly pulsar: Ns1Pulsar;

  /** `principal`: whose requests these are, for the fair share of the key's rate budget. */
  constructor(http: HttpClient, apiKey: string, endpoint: string, principal?: string) {
    this.api = new Ns1Api(http, apiKey, principal);
    this.zones = new Ns1Zones(this.api);
    this.records = new Ns1Records(this.api);
    this.stats = new Ns1Stats(this.api);
    this.catalog = new Ns1Catalog(this.api);
    this.imports = new Ns1ZoneImports(this.api);
    this.data = new Ns1Data(this.api);
    this.monitoring = new Ns1Monitoring(this.api);
    this.notifyLists = new Ns1NotifyLists(this.api);
    this.account = new Ns1Account(this.api);
    this.people = new Ns1People(this.api);
    this.ipAllowLists = new Ns1IpAllowLists(this.api);
    this.billing = new Ns1Billing(this.api, endpoint);
    this.activity = new Ns1Activity(this.api);
    this.pulsar = new Ns1Pulsar(this.api);
  }

  get fingerprint(): string {
    return this.api.fingerprint;
  }
}
