import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { startBuddyNsSandbox } from '../src/sandbox/buddyns/index.js';
import type { RunningSandbox } from '../src/sandbox/kit/index.js';
import { startNs1Sandbox } from '../src/sandbox/ns1/index.js';

/** Where a sandbox in another process listens: its controls at `origin`, its API at `baseUrl`. */
export type SandboxAddress = Pick<RunningSandbox, 'origin' | 'baseUrl'>;

interface Addresses {
  ns1: SandboxAddress;
  buddyns: SandboxAddress;
}

const SELF = fileURLToPath(import.meta.url);
const CHILD_FLAG = '--serve-sandboxes';

/**
 * Both sandboxes in a process of their own, as the providers are on machines of their own: their CPU,
 * heap and garbage collection weigh neither on the gateway measured nor on its baselines. The bench drives
 * them through their `/_sandbox` controls only.
 */
export async function startSandboxesApart(): Promise<Addresses & { close(): Promise<void> }> {
  const child = fork(SELF, [CHILD_FLAG], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const [addresses] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => Promise.reject(new Error(`the sandbox process exited with ${String(code)}`))),
  ])) as [Addresses];
  return {
    ...addresses,
    close: async () => {
      const exited = once(child, 'exit');
      child.disconnect();
      await exited;
    },
  };
}

async function serve(): Promise<void> {
  const [ns1, buddyns] = await Promise.all([startNs1Sandbox({ port: 0 }), startBuddyNsSandbox({ port: 0 })]);
  const address = (s: RunningSandbox): SandboxAddress => ({ origin: s.origin, baseUrl: s.baseUrl });
  process.send!({ ns1: address(ns1), buddyns: address(buddyns) } satisfies Addresses);
  // The bench closing its end of the channel is the signal to stop.
  process.once('disconnect', () => void Promise.all([ns1.close(), buddyns.close()]).then(() => process.exit(0)));
}

if (process.argv[2] === CHILD_FLAG) {
  void serve().catch((error: unknown) => {
    process.stderr.write(`sandboxes failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
