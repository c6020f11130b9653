import { createHash } from 'node:crypto';

/** Which credential a request carried (its NS1 key or BuddyNS Authorization), without the secret. */
export function credentialFingerprint(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header.join(',') : header;
  return value ? createHash('sha256').update(value).digest('hex').slice(0, 12) : undefined;
}

export interface LoggedRequest {
  seq: number;
  method: string;
  /** Path below the sandbox's base path, percent-decoded, without the query string. */
  path: string;
  /** The route pattern that matched, e.g. `/zones/:zone`, or the path when none did. */
  route: string;
  query: string;
  /** 0 when the connection was dropped on purpose. */
  status: number;
  at: number;
  /** `credentialFingerprint` of the credential the request carried, if any. */
  credential?: string | undefined;
  /** The W3C trace context the caller sent, if any. */
  traceparent?: string;
}

/** Every API request a sandbox served, so tests and benchmarks can count upstream calls. */
export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;

  add(entry: Omit<LoggedRequest, 'seq'>): void {
    this.entries.push({ ...entry, seq: ++this.seq });
    if (this.entries.length > 50_000) this.entries.splice(0, 10_000);
  }

  list(sinceSeq = 0): LoggedRequest[] {
    return this.entries.filter((e) => e.seq > sinceSeq);
  }

  clear(): void {
    this.entries = [];
  }

  summary(sinceSeq = 0): { total: number; lastSeq: number; counts: Record<string, number>; routes: Record<string, number> } {
    const counts: Record<string, number> = {};
    const routes: Record<string, number> = {};
    const list = this.list(sinceSeq);
    for (const e of list) {
      counts[`${e.method} ${e.path}`] = (counts[`${e.method} ${e.path}`] ?? 0) + 1;
      routes[`${e.method} ${e.route}`] = (routes[`${e.method} ${e.route}`] ?? 0) + 1;
    }
    return { total: list.length, lastSeq: this.seq, counts, routes };
  }
}
