import { afterAll, beforeAll, beforeEach } from 'vitest';
import { fromRaw, withSandboxUpstreams, type Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startBuddyNsSandbox } from '../../src/sandbox/buddyns/index.js';
import type { LogSummary } from '../../src/sandbox/kit/control-client.js';
import { SandboxControlClient, type RunningSandbox } from '../../src/sandbox/kit/index.js';
import { startNs1Sandbox } from '../../src/sandbox/ns1/index.js';
import { sandboxUpstreams } from '../../src/sandbox/upstreams.js';
import { createGateway, secretsOf, type Gateway, type GatewayOptions } from '../../src/yoga.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  extensions?: Record<string, unknown>;
  headers: Headers;
}

export interface Harness {
  ns1: RunningSandbox;
  buddyns: RunningSandbox;
  ns1Control: SandboxControlClient;
  buddyControl: SandboxControlClient;
  gateway: Gateway;
  /** Every line the gateway logged, to check that no secret ever reaches a log. */
  logLines: string[];
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** Resets both sandboxes (state, log, faults, clock). */
  reset(): Promise<void>;
  /** Builds another gateway on the same sandboxes with changed settings (its own log lines). */
  gatewayWith(overrides: Partial<Record<string, string>>, adjust?: (config: Config) => Config, options?: Omit<GatewayOptions, 'config'>): Gateway;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Raw settings as in the environment, e.g. { UPSTREAM_TIMEOUT_MS: '500' }. */
  env?: Record<string, string>;
  /** Leave a provider without credentials. */
  without?: Array<'ns1' | 'buddyns'>;
}

/**
 * A real-mode configuration (not the sandbox mode's defaults) from raw settings, with both providers pointed at
 * the given sandboxes and their demo admin credentials.
 */
export function realModeConfig(sandboxes: Pick<Harness, 'ns1' | 'buddyns'>, env: Record<string, string | undefined>, allowRequestCredentials: boolean): Config {
  const config = withSandboxUpstreams(fromRaw(env), sandboxUpstreams(sandboxes.ns1, sandboxes.buddyns));
  return { ...config, sandbox: false, allowRequestCredentials };
}

/** Both sandboxes on ephemeral loopback ports and a gateway pointed at them, as in real mode. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const [ns1, buddyns] = await Promise.all([startNs1Sandbox({ port: 0 }), startBuddyNsSandbox({ port: 0 })]);
  const logLines: string[] = [];
  const gateways: Gateway[] = [];

  const build = (
    overrides: Record<string, string | undefined>,
    adjust: (c: Config) => Config = (c) => c,
    lines = logLines,
    gatewayOptions: Omit<GatewayOptions, 'config'> = {},
  ): Gateway => {
    let config = realModeConfig(
      { ns1, buddyns },
      { LOG_LEVEL: 'debug', UPSTREAM_RETRIES: '1', ...options.env, ...overrides },
      overrides.ALLOW_REQUEST_CREDENTIALS !== 'false',
    );
    if (options.without?.includes('ns1')) config = { ...config, ns1: { ...config.ns1, apiKey: undefined } };
    if (options.without?.includes('buddyns')) config = { ...config, buddyns: { ...config.buddyns, credential: undefined } };
    config = adjust(config);
    const logger = createLogger(config.logLevel, { write: (line) => lines.push(line), secrets: () => secretsOf(config) });
    const gateway = createGateway({ logger, ...gatewayOptions, config });
    gateways.push(gateway);
    return gateway;
  };

  const gateway = build({});
  const ns1Control = new SandboxControlClient(ns1.origin);
  const buddyControl = new SandboxControlClient(buddyns.origin);

  return {
    ns1,
    buddyns,
    ns1Control,
    buddyControl,
    gateway,
    logLines,
    gql: (query, variables, headers) => execute(gateway, query, variables, headers),
    reset: async () => {
      await Promise.all([ns1Control.reset(), buddyControl.reset()]);
    },
    gatewayWith: (overrides, adjust, gatewayOptions) => build(overrides, adjust, [], gatewayOptions),
    close: async () => {
      await Promise.all(gateways.map((g) => g.close()));
      await Promise.all([ns1.close(), buddyns.close()]);
    },
  };
}

export interface UseHarnessOptions extends HarnessOptions {
  /** Reset both sandboxes before each test of the file (the default), or let state carry from test to test. */
  resetEachTest?: boolean;
}

/**
 * The harness of one test file: started before its first test, reset before each test, closed after its last.
 * The returned value stands for the harness once it has started, so it can be taken at the top of the file.
 */
export function useHarness(options: UseHarnessOptions = {}): Harness {
  const { resetEachTest = true, ...harnessOptions } = options;
  let started: Harness | undefined;
  beforeAll(async () => {
    started = await startHarness(harnessOptions);
  });
  afterAll(async () => {
    await started?.close();
  });
  if (resetEachTest) beforeEach(() => started?.reset());
  return new Proxy({} as Harness, {
    get(_target, key) {
      if (!started) throw new Error(`harness.${String(key)} used before the test file started its sandboxes`);
      return Reflect.get(started, key) as unknown;
    },
  });
}

export async function execute<T>(
  gateway: Gateway,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await gateway.yoga.fetch('http://dnsgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status' | 'headers'>;
  return { ...body, status: response.status, headers: response.headers };
}

/** Upstream calls made while `action` ran, per sandbox, as "METHOD /path" counts and a total. */
export async function countUpstreamCalls<T>(
  harness: Pick<Harness, 'ns1Control' | 'buddyControl'>,
  action: () => Promise<T>,
): Promise<{ result: T; ns1: LogSummary; buddyns: LogSummary }> {
  const [ns1Before, buddyBefore] = await Promise.all([harness.ns1Control.log(), harness.buddyControl.log()]);
  const result = await action();
  const [ns1After, buddyAfter] = await Promise.all([harness.ns1Control.log(ns1Before.lastSeq), harness.buddyControl.log(buddyBefore.lastSeq)]);
  return { result, ns1: ns1After, buddyns: buddyAfter };
}
