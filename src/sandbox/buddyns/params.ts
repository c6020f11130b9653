import { SandboxHttpError, type SandboxRequest } from '../kit/index.js';

/** Request parameters as strings, whichever body format they came in. */
export interface Params {
  get(name: string): string | null;
}

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * BuddyNS documents form bodies, but it runs Django REST framework, whose default parsers take JSON, URL-encoded
 * and multipart bodies alike; any other media type is answered 415, as DRF does.
 */
export async function readParams(req: SandboxRequest): Promise<Params> {
  const mediaType = String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (mediaType === 'application/json') return jsonParams(req);
  if (mediaType === '' || FORM_TYPES.includes(mediaType)) {
    const form = await req.form();
    return { get: (name) => (form.has(name) ? String(form.get(name)) : null) };
  }
  throw new SandboxHttpError(415, `Unsupported media type "${mediaType}" in request.`);
}

function jsonParams(req: SandboxRequest): Params {
  let value: unknown;
  try {
    const text = req.rawBody.toString('utf8').trim();
    value = text === '' ? {} : JSON.parse(text);
  } catch (error) {
    throw new SandboxHttpError(400, `JSON parse error - ${(error as Error).message}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new SandboxHttpError(400, `Invalid data. Expected a dictionary, but got ${Array.isArray(value) ? 'list' : typeof value}.`);
  }
  const fields = value as Record<string, unknown>;
  return {
    get: (name) => {
      const field = fields[name];
      if (field === undefined || field === null) return null;
      return typeof field === 'object' ? JSON.stringify(field) : String(field);
    },
  };
}
