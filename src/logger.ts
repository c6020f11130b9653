import { pino, type Logger as PinoLogger } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

type Level = Exclude<LogLevel, 'silent'>;

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** Whether a line at `level` is written: work done only for a line can be skipped when it is not. */
  isLevelEnabled(level: Level): boolean;
  /** A logger whose every line carries `bindings` and hides `secrets` as well as the parent's. */
  child(bindings: Record<string, unknown>, options?: { secrets?: Iterable<string> }): Logger;
}

type Secrets = () => Iterable<string>;

/** Header fields pino itself censors, should a caller's headers ever be logged whole. */
const REDACTED_PATHS = [
  'headers["x-ns1-key"]',
  'headers["x-buddyns-token"]',
  'headers.authorization',
  '*.headers["x-ns1-key"]',
  '*.headers["x-buddyns-token"]',
  '*.headers.authorization',
];

/** Shorter strings would hide ordinary words; no credential is that short. */
const MIN_SECRET_LENGTH = 4;

const usable = (secrets: Iterable<string>): string[] => [...secrets].filter((s) => s.length >= MIN_SECRET_LENGTH);

/**
 * pino's JSON lines (numeric `level`, epoch-ms `time`, `msg`). Every secret the gateway holds (read once, on
 * the first line), and every credential a caller sent with the request being logged, is replaced in the
 * message and in every string of the fields, so none can reach the log even through an upstream's echo.
 */
export function createLogger(level: LogLevel, options: { write?: (line: string) => void; secrets?: Secrets } = {}): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const root = pino(
    { level, base: undefined, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    { write: (line: string) => write(line.replace(/\n$/, '')) },
  );
  const secrets = options.secrets ?? (() => []);
  let held: readonly string[] | undefined;
  const enabled: Record<Level, boolean> = {
    debug: root.isLevelEnabled('debug'),
    info: root.isLevelEnabled('info'),
    warn: root.isLevelEnabled('warn'),
    error: root.isLevelEnabled('error'),
  };
  return wrap(
    enabled,
    () => root,
    () => (held ??= usable(secrets())),
  );
}

/**
 * A child's pino logger is made on its first line: a request that logs nothing (the common case below
 * `info`) costs no pino child.
 */
function wrap(enabled: Readonly<Record<Level, boolean>>, target: () => PinoLogger, secrets: () => readonly string[]): Logger {
  const emit = (at: Level) => (message: string, fields?: Record<string, unknown>) => {
    if (!enabled[at]) return;
    const list = secrets();
    target()[at](redactObject(fields ?? {}, list), redactText(message, list));
  };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    isLevelEnabled: (at) => enabled[at],
    child: (bindings, childOptions) => {
      const own = usable(childOptions?.secrets ?? []);
      let all: readonly string[] | undefined;
      const childSecrets = own.length === 0 ? secrets : () => (all ??= [...secrets(), ...own]);
      let made: PinoLogger | undefined;
      return wrap(enabled, () => (made ??= target().child(redactObject(bindings, secrets()))), childSecrets);
    },
  };
}

function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join('[redacted]');
  return out;
}

function redactObject(fields: Record<string, unknown>, secrets: readonly string[]): Record<string, unknown> {
  if (secrets.length === 0) return fields;
  const json = JSON.stringify(fields, (_key, value: unknown) => (typeof value === 'string' ? redactText(value, secrets) : value));
  return JSON.parse(json) as Record<string, unknown>;
}
