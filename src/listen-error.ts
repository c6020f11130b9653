import type { Server } from 'node:net';

/** A listener that could not open, said in terms of the settings that chose it. */
export class ListenError extends Error {
  constructor(
    readonly setting: 'PORT' | 'METRICS_PORT',
    readonly port: number,
    readonly host: string,
    readonly code: string | undefined,
  ) {
    super(describe(setting, port, host, code));
    this.name = 'ListenError';
  }
}

function describe(setting: 'PORT' | 'METRICS_PORT', port: number, host: string, code: string | undefined): string {
  const where = `${setting} ${port} on HOST ${host}`;
  switch (code) {
    case 'EADDRINUSE':
      return `${where}: the port is in use by another process; choose another ${setting}`;
    case 'EACCES':
      return `${where}: this process may not listen on that port (ports below 1024 need privileges); choose another ${setting}`;
    case 'EADDRNOTAVAIL':
      return `HOST ${host} is not an address of this machine; choose one of its interfaces, or 0.0.0.0 for all`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return `HOST ${host} does not resolve to an address of this machine; choose an IP address, or 0.0.0.0 for all`;
    default:
      return `${where}: could not listen (${code ?? 'unknown error'})`;
  }
}

/** Opens a listener, or fails with a ListenError naming the setting that chose it. */
export function listenOn(server: Server, setting: 'PORT' | 'METRICS_PORT', port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const failed = (error: Error & { code?: string }) => reject(new ListenError(setting, port, host, error.code));
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}
