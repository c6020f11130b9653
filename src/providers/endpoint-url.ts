/** An endpoint URL as it may be shown or handed out: without the user name and password it may carry. */
export function withoutUserinfo(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/$/, url.endsWith('/') ? '/' : '');
  } catch {
    return url;
  }
}

/** The user name and password inside an endpoint URL, for the logger to redact wherever they appear. */
export function userinfoOf(url: string): string[] {
  try {
    const { username, password } = new URL(url);
    return [username, password].filter(Boolean).map(decodeURIComponent);
  } catch {
    return [];
  }
}
