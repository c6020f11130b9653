/** The permissions a token grants, by area and by reading or writing. */
export const SCOPES = [
  'dns:read',
  'dns:write',
  'monitoring:read',
  'monitoring:write',
  'data:read',
  'data:write',
  'account:read',
  'account:write',
  'billing:read',
  'billing:write',
] as const;

export type Scope = (typeof SCOPES)[number];

/** The standard `scope` claim (space-separated), or `scp` as an array or a string, as identity providers send them. */
export function scopesOfClaims(claims: Record<string, unknown>): Set<string> {
  const found = new Set<string>();
  for (const claim of [claims.scope, claims.scp]) {
    const values = typeof claim === 'string' ? claim.split(/\s+/) : Array.isArray(claim) ? claim : [];
    for (const value of values) if (typeof value === 'string' && value) found.add(value);
  }
  return found;
}
