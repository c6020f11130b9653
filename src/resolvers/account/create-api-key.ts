import type { GatewayContext } from '../../context.js';
import type { Ns1ApiKey, Ns1ApiKeyWrite } from '../../providers/ns1/people.js';
import { requireNs1 } from '../providers.js';
import { writePolicy } from '../writes/provider-state.js';
import { definitelyRefused, transient } from '../writes/verified-write.js';
import { outcomeUnknown } from '../writes/write-outcome-errors.js';

/**
 * A key created whose answer was lost is found in NS1's key list (a key of that name the list did not hold
 * before), which shows its secret as the answer would have: it is the answer, and nothing is created twice.
 * When the list shows no such key the create did not happen, and it is tried again.
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
    let created: Array<{ apiKey: Ns1ApiKey; secret: string }>;
    try {
      created = (await apiKeys.listWithSecrets()).filter((key) => !before.has(key.apiKey.id) && key.apiKey.name === input.name);
    } catch (readError) {
      throw outcomeUnknown(
        'createApiKey',
        { provider: 'ns1', text: `create API key "${input.name}"` },
        error,
        readError,
        [],
        '{ viewer { ns1 { apiKeys { id name } } } }',
      );
    }
    // Two new keys of that name: another caller made one meanwhile, and which is this caller's cannot be told.
    if (created.length > 1) {
      throw outcomeUnknown(
        'createApiKey',
        { provider: 'ns1', text: `create API key "${input.name}"` },
        error,
        new Error(`NS1 now lists ${created.length} new keys named "${input.name}"`),
        [],
        '{ viewer { ns1 { apiKeys { id name } } } }',
      );
    }
    if (created[0]) return created[0];
    if (attempt >= policy.attempts || !transient(error)) throw error;
  }
}
