import { badInput } from '../../errors/gateway-error.js';

/** A provider's id for a resource, refused before any poll when it cannot be one. */
export function providerId(field: string, value: string | number): string {
  const id = String(value);
  if (!/^[A-Za-z0-9_.:-]{1,128}$/.test(id)) throw badInput(field, `"${id.slice(0, 64)}" is not an id the provider issues`);
  return id;
}
