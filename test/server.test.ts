import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
const children: ChildProcess[] = [];

function start(args: string[], env: Record<string, string> = {}) {
  const child = spawn(tsx, ['src/server.ts', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A group of its own, so that a test that fails midway still stops tsx's node process with it.
    detached: true,
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, output: () => ({ stdout, stderr }) };
}

/** The first match of `pattern` in what the process printed, waiting for it. */
async function printed(output: () => { stdout: string; stderr: string }, pattern: RegExp): Promise<RegExpExecArray> {
  for (let i = 0; i < 300; i++) {
    const match = pattern.exec(output().stdout);
    if (match) return match;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gateway did not start: ${JSON.stringify(output())}`);
}

async function readyUrl(output: () => { stdout: string; stderr: string }): Promise<string> {
  return (await printed(output, /dnsgraph ready at (http:\/\/\S+\/graphql).*\n {2}\S.*\n/))[1]!;
}

/** A GraphQL request to 127.0.0.1 naming `host` in its Host header, as a client that resolved that name would send. */
function statusNaming(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: { host, 'content-type': 'application/json' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(JSON.stringify({ query: '{ __typename }' }));
  });
}

const occupied: Server[] = [];

/** A port another process holds, as when a second gateway starts on the same PORT. */
async function occupiedPort(): Promise<number> {
  const holder = createServer();
  occupied.push(holder);
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  return (holder.address() as { port: number }).port;
}

afterEach(() => {
  for (const holder of occupied.splice(0)) holder.close();
  for (const child of children.splice(0)) {
    if (child.pid === undefined) continue;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // The group has exited already.
    }
  }
});

// Each test starts a tsx process, which takes many seconds on a busy machine.
describe('npm start', { timeout: 60_000 }, () => {
  it('serves the embedded sandboxes on a real socket and stops cleanly on SIGTERM', async () => {
    const { child, output } = start(['--port', '0']);
    const url = await readyUrl(output);
    expect(output().stdout).toContain('sandbox mode');
    expect(output().stdout).toContain('AUTHENTICATION IS OFF (sandbox mode)');
    expect(output().stdout).toContain('(GraphiQL in the browser)');
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ zone(name: "bücher.de") { name providers } }' }),
    });
    expect(await res.json()).toEqual({ data: { zone: { name: 'bücher.de', providers: ['NS1', 'BUDDYNS'] } } });
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });

  it('does not point to GraphiQL when it is off', async () => {
    const { child, output } = start(['--port', '0'], { GRAPHIQL: 'false' });
    const url = await readyUrl(output);
    expect(output().stdout).not.toContain('GraphiQL');
    expect(await (await fetch(url, { headers: { accept: 'text/html' } })).text()).not.toContain('<html');
    child.kill('SIGTERM');
    await once(child, 'exit');
  });

  it('prints a URL whose host ALLOWED_HOSTS lets in, and where /metrics is served with METRICS_PORT', async () => {
    const { child, output } = start(['--port', '0'], { ALLOWED_HOSTS: 'a..b, Gateway.Test, localhost.example', METRICS_PORT: '0' });
    const url = new URL(await readyUrl(output));
    expect(url.hostname).toBe('gateway.test');
    const port = Number(url.port);
    expect(port).toBeGreaterThan(0);
    expect(await statusNaming(port, url.host)).toBe(200);
    expect(await statusNaming(port, `localhost:${port}`)).toBe(421);
    const [, metricsUrl] = await printed(output, /\n {2}\/metrics at (http:\/\/\S+\/metrics)/);
    const metricsPort = Number(new URL(metricsUrl!).port);
    expect(metricsPort).toBeGreaterThan(0);
    expect(metricsPort).not.toBe(port);
    const metrics = await fetch(metricsUrl!);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('process_');
    child.kill('SIGTERM');
    await once(child, 'exit');
  });

  it('says that localhost is not among ALLOWED_HOSTS when none of them makes a URL, and prints no URL that is answered 421', async () => {
    const { child, output } = start(['--port', '0'], { ALLOWED_HOSTS: '.example.com' });
    const [line] = await printed(output, /^dnsgraph ready.*\n/);
    expect(line).toMatch(/^dnsgraph ready on port \d+, .*localhost is not among ALLOWED_HOSTS \(\.example\.com\)/);
    expect(output().stdout).not.toContain('http://localhost');
    expect(output().stdout).not.toContain('/metrics at');
    child.kill('SIGTERM');
    await once(child, 'exit');
  });

  it('refuses to start with a bad setting, naming it', async () => {
    const { child, output } = start([], { PORT: 'not-a-port' });
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(output().stderr).toContain('PORT');
  });

  it('says in one line which setting chose a port or address it cannot listen on, and exits 1', async () => {
    const port = await occupiedPort();
    const cases: Array<[env: Record<string, string>, said: RegExp]> = [
      [
        { PORT: String(port), HOST: '127.0.0.1' },
        new RegExp(`^dnsgraph: PORT ${port} on HOST 127\\.0\\.0\\.1: the port is in use by another process; choose another PORT\n$`),
      ],
      [
        { PORT: '0', METRICS_PORT: String(port), HOST: '127.0.0.1' },
        new RegExp(`^dnsgraph: METRICS_PORT ${port} on HOST 127\\.0\\.0\\.1: the port is in use .*choose another METRICS_PORT\n$`),
      ],
      [{ PORT: '0', HOST: 'no-such-host.invalid' }, /^dnsgraph: HOST no-such-host\.invalid does not resolve to an address of this machine.*\n$/],
    ];
    for (const [env, said] of cases) {
      const { child, output } = start([], env);
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code, JSON.stringify(env)).toBe(1);
      expect(output().stderr, JSON.stringify(env)).toMatch(said);
    }
  });

  it('refuses to start with a HOST that is no address or host name, naming it before listening', async () => {
    const { child, output } = start([], { HOST: 'not a host!!' });
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(output().stderr).toMatch(/HOST: must be an IP address/);
    expect(output().stderr).not.toContain('WebSocket');
  });

  it('refuses to start open with real provider credentials and no AUTH_ISSUER', async () => {
    const { child, output } = start([], { NS1_API_KEY: 'a-real-key' });
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(output().stderr).toContain('AUTH_ISSUER: is required to serve real provider accounts');
    expect(output().stderr).not.toContain('a-real-key');
  });
});
