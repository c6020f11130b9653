import './scalars/index.js';
import './root/root-types.js';
import './provider.js';
import './stats-period.js';
import './record-type.js';
import './viewer.js';
import './permissions.js';
import './team.js';
import './user.js';
import './api-key.js';
import './account-settings.js';
import './usage-warnings.js';
import './ip-allow-list.js';
import './activity-entry.js';
import './plan.js';
import './bill.js';
import './invoice.js';
import './payment-method.js';
import './buddyns-account.js';
import './ns1-account.js';
import './pulsar.js';
import './usage-stats.js';
import './stats.js';
import './zone-health.js';
import './ns1-zone.js';
import './buddyns-zone-status.js';
import './buddyns-zone.js';
import './buddyns-profile.js';
import './record-parts.js';
import './record.js';
import './zone.js';
import './zone-import.js';
import './network.js';
import './meta-type.js';
import './filter-type.js';
import './search-result.js';
import './data-source-type.js';
import './data-feed.js';
import './data-source.js';
import './monitor-state.js';
import './monitor-status.js';
import './monitor-metrics.js';
import './monitor-rule.js';
import './notification-list.js';
import './monitor-job.js';
import './monitor-job-type.js';
import './monitor-region.js';
import './notifier-type.js';
import './qps-sample.js';
import './monitor-job-status-event.js';
import './root/viewer.js';
import './root/buddyns.js';
import './root/dns.js';
import './root/catalog.js';
import './root/zone-import.js';
import './root/data.js';
import './root/monitoring.js';
import './root/account.js';
import './root/subscriptions.js';
import { entityRefusal } from './entities.js';
import { builder } from './builder.js';
import { withRepresentationsAnsweredAlone } from './entity-representations.js';

export function buildSchema() {
  return withRepresentationsAnsweredAlone(
    builder.toSubGraphSchema({
      linkUrl: 'https://specs.apollo.dev/federation/v2.6',
      federationDirectives: ['@key', '@shareable', '@external', '@requires', '@provides', '@authenticated', '@requiresScopes'],
    }),
    entityRefusal,
  );
}
