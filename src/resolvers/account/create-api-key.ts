import type { GatewayContext } from '../../context.js';
import type { Ns1ApiKey, Ns1ApiKeyWrite } from '../../providers/ns1/people.js';
import { orNull } from '../../loaders/or-null.js';
import { writePolicy } from '../writes/provider-state.js';
import { requireNs1 } from '../providers.js';
import { applyWrite, definitelyRefused, transient } from '../writes/verified-write.js';
import { outcomeUnknown, partiallyApplied } from '../writes/write-outcome-errors.js';

/**
 * NS1 shows a key's secret in the answer to its creation only. A key created whose answer was lost is
 * live and nobody has its secret: it is deleted (verified) before the create is tried again, and one
 * that cannot be deleted is reported as left over.
 */
export async function createApiKeyVerified(ctx: GatewayContext, input: Ns1ApiKeyWrite): Promise<{ apiKey: Ns1ApiKey; secret: string }> {
  const { apiKeys } = requireNs1(ctx).ns1;
  const policy = writePolicy(ctx);
  const before = new Set((await apiKeys.list()).map((key) => key.id));
  for (let attempt = 1; ; attempt++) {
    let error: unknown;
    try {
      return await apiKeys.create(input);
    } catch (caught) {
      error = caught;
    }
    if (definitelyRefused(error, attempt)) throw error;
    let orphans: Ns1ApiKey[];
    try {
      orphans = (await apiKeys.list()).filter((key) => !before.has(key.id) && key.name === input.name);
    } catch (readError) {
      throw outcomeUnknown(
        'createApiKey',
        { provider: 'ns1', text: `create API key "${input.name}"` },
        error,
        readError,
        [],
        '{ ns1Account { apiKeys { id name } } }',
      );
    }
    for (const orphan of orphans) {
      const removed = await applyWrite(
        {
          provider: 'ns1',
          send: () => apiKeys.delete(orphan.id),
          observe: async () => ((await orNull(apiKeys.get(orphan.id))) ? { state: 'absent' } : { state: 'applied', value: undefined }),
        },
        policy,
      );
      if (removed.state !== 'applied') {
        throw partiallyApplied(
          'createApiKey',
          `NS1 created API key ${orphan.id} but its answer, the only one with the secret, was lost; deleting the key failed`,
          [{ provider: 'ns1', text: `created API key ${orphan.id}` }],
          [{ leftOver: { provider: 'ns1', kind: 'apiKey', name: orphan.id, exists: true }, remedy: `mutation { deleteApiKey(id: "${orphan.id}") }` }],
        );
      }
      before.add(orphan.id);
    }
    if (attempt >= policy.attempts || !transient(error)) throw error;
  }
}
