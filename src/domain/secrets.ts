/** Keys whose values are credentials in provider configurations (PagerDuty `service_key`, TSIG `key`, …). */
const SECRET_KEY = /key|secret|token|password|passwd|credential|auth|signature|webhook|^url$|_url$|uri$/i;

export const isSecretKey = (key: string): boolean => SECRET_KEY.test(key);

/** A URL with a user and password in it loses them; any other text is kept as it is. */
export function maskUserinfo(value: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(value)) return value;
  try {
    const url = new URL(value);
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return '********';
  }
}
