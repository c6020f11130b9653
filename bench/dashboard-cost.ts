/** What the dashboard query needs from the providers, derived from its own answer. */
export interface DashboardShape {
  zones: Array<{ providers: string[]; records: unknown[] }>;
}

export interface DashboardCost {
  ns1Zones: number;
  buddyNsZones: number;
  records: number;
  /** One request per distinct upstream resource. */
  distinct: { ns1: number; buddyns: number; total: number };
  /** One request per field resolution, as a resolver without loaders or priming would send. */
  naive: { ns1: number; buddyns: number; total: number };
}

export function dashboardCost(data: DashboardShape): DashboardCost {
  const ns1Zones = data.zones.filter((z) => z.providers.includes('NS1')).length;
  const buddyNsZones = data.zones.filter((z) => z.providers.includes('BUDDYNS')).length;
  const records = data.zones.reduce((sum, z) => sum + z.records.length, 0);
  // zone list + per NS1 zone: its GET (ns1 facet, records' short form, serial) and its qps; per record: its GET (answers).
  const ns1 = 1 + ns1Zones * 2 + records;
  // zone list + per BuddyNS zone: transfer status and delegation.
  const buddyns = 1 + buddyNsZones * 2;
  // Without loaders each of health, ns1 and records fetches the NS1 zone again.
  const naiveNs1 = 1 + ns1Zones * 4 + records;
  return {
    ns1Zones,
    buddyNsZones,
    records,
    distinct: { ns1, buddyns, total: ns1 + buddyns },
    naive: { ns1: naiveNs1, buddyns, total: naiveNs1 + buddyns },
  };
}
