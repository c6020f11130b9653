import { request as httpRequest } from 'node:http';

export interface SocketResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One HTTP request over a real socket with exactly the headers given (a browser's `Origin`, a rebinding
 * attacker's `Host`), as `fetch` would not send them.
 */
export function overSocket(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer | Buffer[];
    /** The request target as sent, e.g. in absolute form; the URL's path by default. */
    target?: string;
  } = {},
): Promise<SocketResponse> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: options.target ?? target.pathname + target.search,
        method: options.method ?? 'GET',
        headers: options.headers ?? {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    const { body } = options;
    if (Array.isArray(body)) {
      // No Content-Length: the body arrives in chunks and is counted as it comes.
      for (const chunk of body) req.write(chunk);
      req.end();
    } else req.end(body);
  });
}
