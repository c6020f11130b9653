import { describe, expect, it } from 'vitest';
import { permissionsSchema } from '../../../src/providers/ns1/permissions.js';

describe('NS1 permission sets as read', () => {
  it('take a flag NS1 leaves out as allowed, as its documentation says', () => {
    const full = permissionsSchema.parse({});
    expect(full.dns).toEqual({ viewZones: true, manageZones: true, zonesAllowByDefault: true, zonesAllow: [], zonesDeny: [] });
    expect(Object.values(full.account).every(Boolean)).toBe(true);
    const narrowed = permissionsSchema.parse({ dns: { manage_zones: false, zones_allow: ['example.com'] }, monitoring: { view_jobs: false } });
    expect(narrowed.dns).toMatchObject({ viewZones: true, manageZones: false, zonesAllow: ['example.com'] });
    expect(narrowed.monitoring).toEqual({ manageLists: true, manageJobs: true, viewJobs: false });
  });
});
