/**
 * The header a request without a preflighted content type (GET, multipart uploads) must carry: a page on
 * another site cannot add it without a CORS preflight, which only listed origins pass.
 */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

/** Also Apollo's, which Apollo Client's upload link and Apollo Router's clients already send. */
export const CSRF_HEADERS = [CSRF_HEADER, 'apollo-require-preflight'] as const;
