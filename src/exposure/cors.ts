import type { CORSOptions } from 'graphql-yoga';
import type { ExposureConfig } from '../config-exposure.js';
import { CSRF_HEADERS } from './csrf.js';
import { originListed } from './request-origin.js';

const ALLOWED_HEADERS = ['content-type', 'accept', 'authorization', 'x-ns1-key', 'x-buddyns-token', 'cache-control', ...CSRF_HEADERS];

/**
 * yoga's `cors` option: a listed origin gets exactly itself back, with credentials; any other origin gets
 * no `Access-Control-Allow-*` header at all, so its browser keeps the response from the page.
 */
export function corsPolicy(exposure: ExposureConfig): (request: Request) => CORSOptions {
  return (request) => {
    const origin = request.headers.get('origin');
    if (!origin || !originListed(exposure, origin)) return false;
    return { origin: [origin], credentials: true, methods: ['GET', 'POST'], allowedHeaders: ALLOWED_HEADERS, maxAge: 600 };
  };
}
