import { isSecretKey, maskUserinfo } from '../domain/secrets.js';

/** A payment card's number and code, beside the credentials a provider configuration may hold. */
const CARD_KEY = /cvc|cvv|card_?number|^number$/i;
const isSecret = (key: string): boolean => isSecretKey(key) || CARD_KEY.test(key);

/** What a log keeps of an uploaded file: never its contents. */
interface UploadDescription {
  name: string | null;
  size: number;
  type: string;
}

/**
 * Whether a value is a file or blob: the platform's own, or the ones a multipart request is parsed into, which
 * are not instances of the platform's classes (and whose own properties hold the contents, byte by byte).
 */
function isUpload(value: unknown): value is Blob {
  if (typeof value !== 'object' || value === null) return false;
  if (typeof Blob !== 'undefined' && value instanceof Blob) return true;
  const blob = value as Partial<Record<keyof Blob, unknown>>;
  return typeof blob.size === 'number' && typeof blob.type === 'string' && typeof blob.arrayBuffer === 'function' && typeof blob.slice === 'function';
}

function describeUpload(blob: Blob): UploadDescription {
  const name = (blob as Partial<File>).name;
  return { name: typeof name === 'string' ? maskUserinfo(name) : null, size: blob.size, type: blob.type };
}

/**
 * A mutation's arguments as an audit log may keep them: secrets replaced (by the same keys as in what clients read
 * back, and card numbers and codes), passwords inside URLs removed, uploaded files described by name, size and type.
 */
export function redactInput(value: unknown, key = ''): unknown {
  if (value === null || value === undefined) return value;
  if (isUpload(value)) return describeUpload(value);
  if (isSecret(key) && typeof value !== 'object') return '[redacted]';
  if (typeof value === 'string') return maskUserinfo(value);
  if (Array.isArray(value)) return value.map((item) => redactInput(item, key));
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactInput(v, k)]));
  }
  return value;
}
