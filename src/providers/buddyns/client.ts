import { domainToASCII } from 'node:url';
import type { z } from 'zod';
import { encodePath, type HttpClient, type UpstreamRequest } from '../http.js';
import { parseResponse } from '../parse-response.js';
import { markStale } from '../stale-responses.js';
import { authorizationHeader, credentialFingerprint, type BuddyNsCredential } from './credential.js';
import { delegationSchema, profileSchema, serviceSchema, userSchema, zoneListSchema, zoneSchema, zoneStatusSchema } from './schemas.js';
import type { BuddyNsDelegation, BuddyNsProfile, BuddyNsProfileChange, BuddyNsService, BuddyNsUser, BuddyNsZone, BuddyNsZoneStatus } from './types.js';

type Request = Omit<UpstreamRequest, 'headers' | 'rateKey' | 'principal'>;

/** Zone names go out in their ASCII form, so the URL never depends on how the caller spelled an IDN. */
function zonePath(name: string, ...rest: string[]): string {
  const path = encodePath('zone', domainToASCII(name) || name, ...rest);
  return rest.length > 0 ? `${path}/` : path;
}

/** The BuddyNS REST API v2 for one credential: one method per documented endpoint. */
export class BuddyNsClient {
  readonly fingerprint: string;
  private readonly authorization: string;

  constructor(
    private readonly http: HttpClient,
    credential: BuddyNsCredential,
    /** Whose requests these are, for the fair share of the credential's rate budget. */
    private readonly principal?: string,
  ) {
    this.fingerprint = credentialFingerprint(credential);
    this.authorization = authorizationHeader(credential);
  }

  private async send(request: Request) {
    const principal = this.principal !== undefined ? { principal: this.principal } : {};
    return this.http.send({ ...request, headers: { authorization: this.authorization }, rateKey: this.fingerprint, ...principal });
  }

  private async call<S extends z.ZodType>(request: Request, schema: S, what: string): Promise<z.infer<S>> {
    const response = await this.send(request);
    const value = parseResponse('buddyns', schema, response.body, what);
    return response.stale ? markStale(value, { provider: 'buddyns', ageSeconds: response.stale.ageSeconds }) : value;
  }

  /** GET /zone/ */
  listZones(): Promise<BuddyNsZone[]> {
    return this.call({ method: 'GET', path: '/zone/', staleIfError: true }, zoneListSchema, 'zone list');
  }

  /** GET /zone/{name} */
  getZone(name: string): Promise<BuddyNsZone> {
    return this.call({ method: 'GET', path: zonePath(name) }, zoneSchema, 'zone');
  }

  /** POST /zone/ with form fields name and master ("" for none). */
  addZone(name: string, master: string): Promise<BuddyNsZone> {
    return this.call({ method: 'POST', path: '/zone/', form: { name: domainToASCII(name) || name, master } }, zoneSchema, 'zone');
  }

  /** DELETE /zone/{name} */
  async deleteZone(name: string): Promise<void> {
    await this.send({ method: 'DELETE', path: zonePath(name), retry: false });
  }

  /** GET /zone/{name}/status/: the zone's transfer status. */
  getZoneStatus(name: string, signal?: AbortSignal): Promise<BuddyNsZoneStatus> {
    return this.call({ method: 'GET', path: zonePath(name, 'status'), signal }, zoneStatusSchema, 'zone status');
  }

  /** GET /zone/{name}/delegation/ */
  getZoneDelegation(name: string): Promise<BuddyNsDelegation> {
    return this.call({ method: 'GET', path: zonePath(name, 'delegation') }, delegationSchema, 'zone delegation');
  }

  /** GET /sync/: SyncNOW for every zone. */
  async syncAllZones(): Promise<void> {
    await this.send({ method: 'GET', path: '/sync/', sideEffects: true });
  }

  /** GET /sync/{name}: SyncNOW for one zone. */
  async syncZone(name: string): Promise<void> {
    await this.send({ method: 'GET', path: encodePath('sync', domainToASCII(name) || name), sideEffects: true });
  }

  /** GET /user/ */
  getUser(): Promise<BuddyNsUser> {
    return this.call({ method: 'GET', path: '/user/' }, userSchema, 'user');
  }

  /** GET /user/profile/ */
  getProfile(): Promise<BuddyNsProfile> {
    return this.call({ method: 'GET', path: '/user/profile/' }, profileSchema, 'profile');
  }

  /** PUT /user/profile/ with the fields that change. */
  updateProfile(change: BuddyNsProfileChange): Promise<BuddyNsProfile> {
    const form: Record<string, string> = {};
    if (change.mobileNumber !== undefined) form.mobile_number = change.mobileNumber;
    if (change.cpanelIntegration !== undefined) form.cpanel_integration = String(change.cpanelIntegration);
    return this.call({ method: 'PUT', path: '/user/profile/', form }, profileSchema, 'profile');
  }

  /** GET /service/ */
  getService(): Promise<BuddyNsService> {
    return this.call({ method: 'GET', path: '/service/' }, serviceSchema, 'service');
  }
}
