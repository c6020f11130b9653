import type { GatewayContext } from '../../context.js';
import { badInput, GatewayError } from '../../errors/gateway-error.js';
import { forgetNs1Zone } from '../../loaders/ns1-dns.js';
import { checkNs1ZoneWrite, toNs1ZoneWrite, type Ns1ZoneArgs } from './zone-input.js';
import { findZone } from './merge-zones.js';
import { ns1ZoneNow, writePolicy } from '../writes/provider-state.js';
import { requireNs1 } from '../providers.js';
import type { UnifiedZone } from './unified-zone.js';
import { versionOf } from '../version.js';
import { conflict } from '../writes/write-outcome-errors.js';
import { withWriteLock } from '../writes/write-lock.js';
import { runSteps } from '../writes/write-steps.js';

/**
 * Changes a zone's NS1 settings (SOA values, hostmaster, networks, primary/secondary, meta). With
 * `ifVersion`, refuses with CONFLICT when the zone changed since that version was read.
 */
export async function updateZone(
  ctx: GatewayContext,
  name: string,
  ns1Settings: Ns1ZoneArgs | null | undefined,
  ifVersion?: string | null,
): Promise<UnifiedZone> {
  const write = toNs1ZoneWrite(ns1Settings);
  // An empty change would still be a write: NS1 bumps the serial, and BuddyNS falls behind until it transfers.
  if (Object.keys(write).length === 0) throw badInput('input.ns1', 'give at least one setting to change');
  if (write.link !== undefined) throw badInput('input.ns1.link', "a zone's link is set when it is created; delete the zone and create it linked");
  checkNs1ZoneWrite(name, write);
  const deps = requireNs1(ctx);
  await withWriteLock(`${deps.ns1.fingerprint}:${name}`, async () => {
    try {
      const before = await ns1ZoneNow(deps, name);
      if (!before) throw new GatewayError('NOT_FOUND', `zone ${name} does not exist on NS1`, { provider: 'ns1' });
      if (before.link) throw badInput('name', `zone ${name} is linked to ${before.link} and takes all of its settings from it; change ${before.link}`);
      if (ifVersion != null && versionOf(before) !== ifVersion) {
        throw conflict(`zone ${name} changed on NS1 since version ${ifVersion}; read it again and reapply your change`, versionOf(before));
      }
      await runSteps(
        {
          operation: `updateZone ${name}`,
          check: `{ zone(name: "${name}") { ns1 { version serial } } }`,
          steps: [
            {
              provider: 'ns1',
              does: `update zone ${name}`,
              done: `updated zone ${name}`,
              write: {
                provider: 'ns1',
                send: () => deps.ns1.zones.update(name, write),
                observe: async () => {
                  const now = await ns1ZoneNow(deps, name);
                  if (!now) return { state: 'different', detail: 'the zone was deleted meanwhile' };
                  return versionOf(now) === versionOf(before) ? { state: 'absent' } : { state: 'applied', value: now };
                },
              },
            },
          ],
        },
        writePolicy(ctx),
      );
    } finally {
      forgetNs1Zone(deps, name);
    }
  });
  return (await findZone(ctx, name, () => undefined)) ?? { asciiName: name, onNs1: true, buddyns: null };
}
