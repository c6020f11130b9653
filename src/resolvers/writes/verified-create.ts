import type { GatewayContext } from '../../context.js';
import { orNull } from '../../loaders/or-null.js';
import { writePolicy } from './provider-state.js';
import { runSteps } from './write-steps.js';

export interface CollectionCreate<T extends { id: string }> {
  /** e.g. "team", "monitoring job" */
  what: string;
  list(): Promise<T[]>;
  create(): Promise<T>;
  /** Whether a new object in the collection is the one this create sent. */
  isOurs(item: T): boolean;
}

/**
 * A create into a collection whose ids NS1 assigns: the ids present before are noted, so that after a
 * lost answer the new object can be told from the old ones, and the create is repeated only when no new
 * object of ours appeared.
 */
export async function createInCollection<T extends { id: string }>(ctx: GatewayContext, create: CollectionCreate<T>): Promise<T> {
  const before = new Set((await create.list()).map((item) => item.id));
  const [value] = await runSteps(
    {
      operation: `create ${create.what}`,
      check: `the ${create.what} list`,
      steps: [
        {
          provider: 'ns1',
          does: `create the ${create.what}`,
          done: `created the ${create.what}`,
          write: {
            provider: 'ns1',
            send: () => create.create(),
            observe: async () => {
              const fresh = (await create.list()).filter((item) => !before.has(item.id) && create.isOurs(item));
              if (fresh.length === 0) return { state: 'absent' };
              if (fresh.length === 1 && fresh[0]) return { state: 'applied', value: fresh[0] };
              return { state: 'different', detail: `${fresh.length} new objects match (${fresh.map((item) => item.id).join(', ')})` };
            },
          },
        },
      ],
    },
    writePolicy(ctx),
  );
  return value as T;
}

/** A create at a name the caller chose (PUT /…/:name): after a lost answer, the object at that name tells. */
export async function createAtKey<T>(ctx: GatewayContext, create: { what: string; read(): Promise<T>; create(): Promise<T> }): Promise<T> {
  const [value] = await runSteps(
    {
      operation: `create ${create.what}`,
      check: `the ${create.what}`,
      steps: [
        {
          provider: 'ns1',
          does: `create ${create.what}`,
          done: `created ${create.what}`,
          write: {
            provider: 'ns1',
            send: () => create.create(),
            observe: async () => {
              const found = await orNull(create.read());
              return found ? { state: 'applied', value: found } : { state: 'absent' };
            },
          },
        },
      ],
    },
    writePolicy(ctx),
  );
  return value as T;
}
