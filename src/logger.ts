export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * One JSON object per line. Every secret the gateway holds is registered with `redact` and replaced
 * wherever it appears, so a credential cannot reach a log line even through an upstream's echo.
 */
export function createLogger(
  level: LogLevel,
  options: { write?: (line: string) => void; secrets?: () => Iterable<string> } = {},
): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const emit = (at: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (ORDER[at] < ORDER[level]) return;
    let line = JSON.stringify({ time: new Date().toISOString(), level: at, message, ...fields });
    for (const secret of options.secrets?.() ?? []) {
      if (secret.length >= 4) line = line.split(secret).join('[redacted]');
    }
    write(line);
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  };
}
