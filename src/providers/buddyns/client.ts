import type { HttpClient } from '../http.js';
import type { OperationScope } from '../operation-scope.js';
import { ProviderApi } from '../provider-api.js';
import { BuddyNsProfileApi, BuddyNsServiceApi, BuddyNsUserApi } from './account.js';
import { buddyNsProvider, type BuddyNsCredential } from './provider.js';
import { BuddyNsDelegations, BuddyNsZones, BuddyNsZoneStatuses } from './zones.js';

/**
 * The BuddyNS REST API v2 for one credential: one property per resource, and on each the verbs `list`, `get`,
 * `create`, `update`, `delete` that the resource has. Each parses BuddyNS's JSON with the zod schema beside
 * its call and returns domain shapes.
 */
export class BuddyNsClient extends ProviderApi<BuddyNsCredential> {
  readonly zones = new BuddyNsZones(this);
  readonly zoneStatus = new BuddyNsZoneStatuses(this);
  readonly delegations = new BuddyNsDelegations(this);
  readonly user = new BuddyNsUserApi(this);
  readonly profile = new BuddyNsProfileApi(this);
  readonly service = new BuddyNsServiceApi(this);

  /** `principal`: whose requests these are, for the fair share of the credential's rate budget; `scope`: the operation they belong to. */
  constructor(http: HttpClient, credential: BuddyNsCredential, endpoint: string, principal?: string, scope?: OperationScope, fingerprint?: string) {
    super(http, buddyNsProvider, credential, endpoint, principal, scope, fingerprint);
  }
}
