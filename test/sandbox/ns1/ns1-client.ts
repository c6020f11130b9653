import type { RunningSandbox } from '../../../src/sandbox/kit/index.js';

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
  raw: Buffer;
}

/** Plain HTTP against the NS1 sandbox, as any NS1 API client would send it. */
export function ns1Caller(sandbox: () => RunningSandbox, defaultKey: string) {
  return async (method: string, path: string, payload?: unknown, key: string | null = defaultKey): Promise<Answer> => {
    const headers: Record<string, string> = {};
    if (key) headers['x-nsone-key'] = key;
    let body: string | undefined;
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    }
    const res = await fetch(`${sandbox().baseUrl}${path}`, { method, headers, body });
    const raw = Buffer.from(await res.arrayBuffer());
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, headers: res.headers, raw, body: type.includes('json') && raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined };
  };
}
