import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { listenOn } from './listen-error.js';
import { shownHost } from './url-host.js';

export interface MetricsListener {
  url: string;
  close(): Promise<void>;
}

/** `/metrics` on a listener of its own (METRICS_PORT), for Prometheus on an internal network only. */
export async function startMetricsListener(registry: Registry, port: number, host: string): Promise<MetricsListener> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || new URL(req.url ?? '/', 'http://metrics').pathname !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  await listenOn(server, 'METRICS_PORT', port, host);
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${shownHost(host)}:${bound}/metrics`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
