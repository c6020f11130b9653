import { flatUuid } from '../flat-uuid.js';

export const REQUEST_ID_HEADER = 'x-request-id';

/** What a caller's id may look like: a proxy's UUID or trace-like token, never a place to smuggle log text. */
const ACCEPTED = /^[\w.:@-]{1,128}$/;

const ids = new WeakMap<Request, string>();

/** The caller's `x-request-id` when it is a plain token, else a fresh UUID; the same for every look-up of a request. */
export function requestIdOf(request: Request): string {
  let id = ids.get(request);
  if (!id) {
    const given = request.headers.get(REQUEST_ID_HEADER)?.trim();
    id = given && ACCEPTED.test(given) ? given : flatUuid();
    ids.set(request, id);
  }
  return id;
}
