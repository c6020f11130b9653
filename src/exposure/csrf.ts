/**
 * The header a request without a preflighted content type (GET, multipart uploads) must carry: a page on
 * another site cannot add it without a CORS preflight, which only listed origins pass.
 */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';
