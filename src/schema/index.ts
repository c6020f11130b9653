import './scalars/index.js';
import './provider.js';
import './viewer.js';
import { builder } from './builder.js';

export function buildSchema() {
  return builder.toSubGraphSchema({
    linkUrl: 'https://specs.apollo.dev/federation/v2.6',
    federationDirectives: ['@key', '@shareable', '@external', '@requires', '@provides'],
  });
}
