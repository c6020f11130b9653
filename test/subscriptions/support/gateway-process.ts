import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { sandboxUpstreams } from '../../../src/sandbox/upstreams.js';
import type { Harness } from '../../support/harness.js';
import { freePort } from '../../support/redis-server.js';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** A gateway running as its own operating-system process, started as `npm start` starts it. */
export interface GatewayProcess {
  url: string;
  /** Dies at once, as a crashed or OOM-killed replica does: no shutdown, no lease given up. */
  kill(): Promise<void>;
  /** SIGTERM: the graceful shutdown of a rolling deploy. Resolves with the exit code. */
  stop(): Promise<number | null>;
}

async function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const [code] = (await once(child, 'exit')) as [number | null];
  return code;
}

/** Starts `src/server.ts` in a child process, configured only by its environment, in front of the harness's sandboxes. */
export async function startGatewayProcess(harness: Harness, env: Record<string, string>): Promise<GatewayProcess> {
  const port = await freePort();
  const { ns1, buddyns } = sandboxUpstreams(harness.ns1, harness.buddyns);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      UPSTREAM_RETRIES: '0',
      NS1_ENDPOINT: ns1.endpoint,
      NS1_API_KEY: ns1.apiKey,
      NS1_TRANSFER_ADDRESS: ns1.transferAddress,
      BUDDYNS_ENDPOINT: buddyns.endpoint,
      BUDDYNS_TOKEN: buddyns.token,
      // The replicas are what is tested here, not authentication.
      AUTH_MODE: 'none',
      ...env,
    },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const onData = () => {
      if (output.includes('dnsgraph ready at')) {
        child.stdout?.off('data', onData);
        child.off('exit', onExit);
        resolve();
      }
    };
    const onExit = (code: number | null) => reject(new Error(`the gateway process exited with ${code}:\n${output}`));
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    kill: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      return exited(child);
    },
  };
}
