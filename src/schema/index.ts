import './scalars/index.js';
import './provider.js';
import './viewer.js';
import './user.js';
import './usage-stats.js';
import './buddyns-zone.js';
import './buddyns-account.js';
import './buddyns-mutations.js';
import './ns1-zone.js';
import './record.js';
import './zone-health.js';
import './zone.js';
import './record-mutations.js';
import './catalog.js';
import './zone-import.js';
import './data-source.js';
import './monitor-job.js';
import './permissions.js';
import './team.js';
import './billing.js';
import './ns1-account.js';
import './account-mutations.js';
import './stats.js';
import './pulsar.js';
import './subscription.js';
import './entities.js';
import { builder } from './builder.js';

export function buildSchema() {
  return builder.toSubGraphSchema({
    linkUrl: 'https://specs.apollo.dev/federation/v2.6',
    federationDirectives: ['@key', '@shareable', '@external', '@requires', '@provides', '@authenticated', '@requiresScopes'],
  });
}
