import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpClient } from '../../src/providers/http.js';
import { Ns1Client } from '../../src/providers/ns1/client.js';
import { ns1Provider } from '../../src/providers/ns1/provider.js';
import { errorReading } from '../../src/providers/provider.js';

export interface AnsweringNs1 {
  client: Ns1Client;
  close(): Promise<void>;
}

/**
 * The gateway's NS1 client against a loopback server that answers as `answer` says, with no retries: for
 * reading the shapes NS1's documentation gives, its own examples included.
 */
export async function ns1Answering(answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<AnsweringNs1> {
  const server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  const http = new HttpClient({ ...errorReading(ns1Provider), baseUrl, maxRetries: 0 });
  return {
    client: new Ns1Client(http, 'a-key', baseUrl),
    close: async () => {
      await http.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
