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

export const everyZoneNeeded = (): GatewayError => new GatewayError('FORBIDDEN', 'Forbidden: account-wide data needs a token that grants every zone');
