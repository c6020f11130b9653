import { isIP } from 'node:net';

/** Whether a listening address is every interface of the machine. */
export const listensEverywhere = (host: string): boolean => host === '0.0.0.0' || host === '::';

/** A host as a URL writes it: an IPv6 address in brackets. */
export const urlHost = (host: string): string => (isIP(host) === 6 ? `[${host}]` : host);

/** The host a URL to a listening address names: `localhost` for every interface. */
export const shownHost = (listenHost: string): string => (listensEverywhere(listenHost) ? 'localhost' : urlHost(listenHost));
