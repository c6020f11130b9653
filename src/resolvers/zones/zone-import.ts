import type { GatewayContext } from '../../context.js';
import { badInput } from '../../errors/gateway-error.js';
import { forgetNs1Zone } from '../../loaders/ns1-dns.js';
import { orNull } from '../../loaders/or-null.js';
import type { Ns1ZoneImport } from '../../providers/ns1/zone-import.js';
import { requireNs1 } from '../providers.js';
import { ns1ZoneNow } from '../writes/provider-state.js';
import { zoneExists } from '../writes/write-outcome-errors.js';

const MAX_ZONE_FILE_BYTES = 10 * 1024 * 1024;

/**
 * Sends a zone file to NS1; a synchronous import answers finished, an asynchronous one with a job to follow. An
 * import creates its zone: one NS1 already has is refused before the upload, its records left as they are.
 */
export async function importZoneFile(ctx: GatewayContext, name: string, file: File, asyncImport: boolean): Promise<Ns1ZoneImport> {
  if (file.size === 0) throw badInput('zoneFile', 'the zone file is empty');
  if (file.size > MAX_ZONE_FILE_BYTES) throw badInput('zoneFile', `the zone file is larger than ${MAX_ZONE_FILE_BYTES / 1024 / 1024} MiB`);
  const deps = requireNs1(ctx);
  if (await ns1ZoneNow(deps, name)) {
    throw zoneExists('ns1', name, '; a zone file import creates a new zone, so nothing was imported');
  }
  const contents = new Uint8Array(await file.arrayBuffer());
  const result = await deps.ns1.zoneImports.create(name, contents, file.name || `${name}.zone`, asyncImport);
  forgetNs1Zone(deps, name);
  return result;
}

export function zoneImportJob(ctx: GatewayContext, jobId: string): Promise<Ns1ZoneImport | null> {
  return orNull(requireNs1(ctx).ns1.zoneImports.get(jobId));
}
