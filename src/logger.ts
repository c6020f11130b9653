import { pino, type Logger as PinoLogger } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** A logger whose every line carries `bindings` and hides `secrets` as well as the parent's. */
  child(bindings: Record<string, unknown>, options?: { secrets?: Iterable<string> }): Logger;
}

type Secrets = () => Iterable<string>;

/** Where a caller's credential can sit in a field; a value that carries one elsewhere is caught by `Secrets`. */
const REDACTED_PATHS = [
  'headers["x-ns1-key"]',
  'headers["x-buddyns-token"]',
  'headers.authorization',
  '*.headers["x-ns1-key"]',
  '*.headers["x-buddyns-token"]',
  '*.headers.authorization',
];

/**
 * pino's JSON lines (numeric `level`, epoch-ms `time`, `msg`). Every secret the gateway holds, and every
 * credential a caller sent with the request being logged, is replaced wherever it appears in a line, so
 * none can reach the log even through an upstream's echo.
 */
export function createLogger(level: LogLevel, options: { write?: (line: string) => void; secrets?: Secrets } = {}): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const root = pino(
    { level, base: undefined, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    { write: (line: string) => write(line.replace(/\n$/, '')) },
  );
  return wrap(root, options.secrets ?? (() => []));
}

function wrap(target: PinoLogger, secrets: Secrets): Logger {
  const emit = (at: 'debug' | 'info' | 'warn' | 'error') => (message: string, fields?: Record<string, unknown>) => {
    if (!target.isLevelEnabled(at)) return;
    target[at](redactObject(fields ?? {}, secrets), redactText(message, secrets));
  };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    child: (bindings, childOptions) => {
      const own = [...(childOptions?.secrets ?? [])];
      return wrap(target.child(redactObject(bindings, secrets)), () => [...secrets(), ...own]);
    },
  };
}

function redactText(text: string, secrets: Secrets): string {
  let out = text;
  for (const secret of secrets()) if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  return out;
}

function redactObject(fields: Record<string, unknown>, secrets: Secrets): Record<string, unknown> {
  const list = [...secrets()].filter((s) => s.length >= 4);
  if (list.length === 0) return fields;
  const json = JSON.stringify(fields, (_key, value: unknown) => (typeof value === 'string' ? redactText(value, () => list) : value));
  return JSON.parse(json) as Record<string, unknown>;
}
