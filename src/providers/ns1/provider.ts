import { stringField, type Provider } from '../provider.js';

/** NS1: the API key travels in `X-NSONE-Key`; errors come as `{"message": "..."}`. */
export const ns1Provider: Provider<string> = {
  id: 'ns1',
  authHeaders: (apiKey) => ({ 'x-nsone-key': apiKey }),
  identity: (apiKey) => [apiKey],
  errorMessage: (body) => stringField(body, 'message'),
};
