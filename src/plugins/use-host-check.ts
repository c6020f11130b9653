import type { Plugin } from 'graphql-yoga';
import type { ExposureConfig } from '../config-exposure.js';
import { hostAllowed } from '../exposure/request-origin.js';
import type { CountRefusal } from './use-metrics.js';

/** Refuses requests for a `Host` the gateway is not configured to answer to (DNS rebinding), with 421. */
export function useHostCheck(exposure: ExposureConfig, countRefusal: CountRefusal): Plugin {
  return {
    onRequest({ request, fetchAPI, endResponse }) {
      if (hostAllowed(exposure, request.headers.get('host'))) return;
      countRefusal('forbidden_host');
      endResponse(
        fetchAPI.Response.json(
          { errors: [{ message: 'This gateway does not answer to that Host; add it to ALLOWED_HOSTS', extensions: { code: 'HOST_NOT_ALLOWED' } }] },
          { status: 421 },
        ),
      );
    },
  };
}
