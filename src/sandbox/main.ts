import { parseArgs } from 'node:util';
import { buddyNsSandboxCredentials, startBuddyNsSandbox } from './buddyns/index.js';
import type { RunningSandbox } from './kit/index.js';
import { NS1_TRANSFER_ADDRESS, ns1SandboxKeys, startNs1Sandbox } from './ns1/index.js';

function port(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    process.stderr.write(`sandbox: --${flag} must be a port number (got "${value}")\n`);
    process.exit(2);
  }
  return n;
}

/** `npm run sandbox`: both provider sandboxes alone, under the same base paths as the real APIs. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'ns1-port': { type: 'string' }, 'buddyns-port': { type: 'string' }, host: { type: 'string' } },
    strict: true,
  });
  const host = values.host ?? '127.0.0.1';
  const ns1 = await startNs1Sandbox({ port: port(values['ns1-port'], 4001, 'ns1-port'), host });
  const buddyns = await startBuddyNsSandbox({ port: port(values['buddyns-port'], 4002, 'buddyns-port'), host });
  const keys = ns1SandboxKeys();
  const buddy = buddyNsSandboxCredentials();
  process.stdout.write(
    [
      'dnsgraph provider sandboxes are running (demo data; POST /_sandbox/reset restores it):',
      '',
      `  NS1      ${ns1.baseUrl}`,
      `           X-NSONE-Key: ${keys.admin}  (all permissions)`,
      `           X-NSONE-Key: ${keys.readOnly}  (read-only)`,
      `           X-NSONE-Key: ${keys.exampleOnly}  (DNS on example.com only)`,
      `           transfer address for secondaries: ${NS1_TRANSFER_ADDRESS}`,
      `  BuddyNS  ${buddyns.baseUrl}`,
      `           Authorization: Token ${buddy.token}`,
      `           or Basic ${buddy.user} / ${buddy.password}`,
      '',
      'Point the gateway at them (AUTH_MODE=none: no identity provider for a local try; see the README for AUTH_ISSUER):',
      `  AUTH_MODE=none NS1_ENDPOINT=${ns1.baseUrl} NS1_API_KEY=${keys.admin} \\`,
      `  BUDDYNS_ENDPOINT=${buddyns.baseUrl} BUDDYNS_TOKEN=${buddy.token} NS1_TRANSFER_ADDRESS=${NS1_TRANSFER_ADDRESS} npm start`,
      '',
      `Controls (request log, faults, clock): ${ns1.origin}/_sandbox and ${buddyns.origin}/_sandbox`,
      '',
    ].join('\n'),
  );
  const sandboxes: RunningSandbox[] = [ns1, buddyns];
  const stop = () => {
    void Promise.all(sandboxes.map((s) => s.close())).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main().catch((error: unknown) => {
  process.stderr.write(`sandbox failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
