import type { HttpClient } from '../http.js';
import { Ns1Api } from './api.js';

/**
 * The NS1 REST API v1 for one API key: one method per documented endpoint, grouped as the documentation
 * groups them. Each group parses NS1's JSON with zod and returns domain shapes.
 */
export class Ns1Client {
  readonly api: Ns1Api;

  constructor(http: HttpClient, apiKey: string) {
    this.api = new Ns1Api(http, apiKey);
  }

  get fingerprint(): string {
    return this.api.fingerprint;
  }
}
