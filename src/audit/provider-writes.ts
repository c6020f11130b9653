import { AsyncLocalStorage } from 'node:async_hooks';

export interface ProviderWrite {
  provider: string;
  method: string;
  path: string;
  status: number;
}

const writesOfMutation = new AsyncLocalStorage<ProviderWrite[]>();

/** Called for every upstream response; keeps the writes (not the reads) of the mutation being audited. */
export function recordProviderCall(call: ProviderWrite): void {
  if (call.method === 'GET' || call.method === 'HEAD') return;
  writesOfMutation.getStore()?.push({ provider: call.provider, method: call.method, path: call.path, status: call.status });
}

/** Runs a mutation's resolver and collects the provider writes it made, however deep in the loaders. */
export function collectingProviderWrites<T>(writes: ProviderWrite[], run: () => T): T {
  return writesOfMutation.run(writes, run);
}
