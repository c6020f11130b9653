import { toUnicodeDomain } from '../domain/domain-name.js';
import { GatewayError } from '../errors/gateway-error.js';

export const missingScope = (scopes: string[]): GatewayError =>
  new GatewayError('FORBIDDEN', `Forbidden: this token lacks the ${scopes.join(' and ')} scope${scopes.length > 1 ? 's' : ''}`, {
    requiredScopes: scopes,
  });

export const zoneNotGranted = (asciiName: string): GatewayError =>
  new GatewayError('FORBIDDEN', `Forbidden: this token does not grant the zone ${toUnicodeDomain(asciiName)}`, { zone: toUnicodeDomain(asciiName) });

/** A record link to a name that no zone the token grants could hold. */
export const linkNotGranted = (link: string): GatewayError =>
  new GatewayError('FORBIDDEN', `Forbidden: this token grants no zone that ${toUnicodeDomain(link)} could lie in`, { field: 'link' });

/** A new zone linked to a zone the token does not grant: the same answer whether that zone exists or not. */
export const linkedZoneNotGranted = (asciiName: string): GatewayError =>
  new GatewayError('FORBIDDEN', `Forbidden: this token does not grant the zone ${toUnicodeDomain(asciiName)} to link to`, { field: 'input.ns1.link' });

export const everyZoneNeeded = (): GatewayError => new GatewayError('FORBIDDEN', 'Forbidden: account-wide data needs a token that grants every zone');
