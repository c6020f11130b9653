import { flatUuid } from '../flat-uuid.js';

export const REQUEST_ID_HEADER = 'x-request-id';

/** What a caller's id may look like: a proxy's UUID or trace-like token, never a place to smuggle log text. */
const ACCEPTED = /^[\w.:@-]{1,128}$/;

/** Kept on the request itself: a request-keyed WeakMap is weak work for every young-generation collection. */
const ID = Symbol('dnsgraph.requestId');

/** The caller's `x-request-id` when it is a plain token, else a fresh UUID; the same for every look-up of a request. */
export function requestIdOf(request: Request): string {
  const holder = request as Request & { [ID]?: string };
  let id = holder[ID];
  if (!id) {
    const given = request.headers.get(REQUEST_ID_HEADER)?.trim();
    id = given && ACCEPTED.test(given) ? given : flatUuid();
    holder[ID] = id;
  }
  return id;
}
