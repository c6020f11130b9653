import type { QpsSample } from '../subscriptions/sources/qps.js';
import { builder } from './builder.js';
import { RecordTypeEnum } from './record-type.js';

export const QpsSampleRef = builder.objectRef<QpsSample>('QpsSample').implement({
  description: 'Queries per second from NS1 at one moment: of the account, a zone, or one record.',
  fields: (t) => ({
    qps: t.exposeFloat('qps', { description: 'Queries per second NS1 reports at sampledAt.' }),
    zone: t.field({ type: 'DomainName', nullable: true, description: 'Null for the whole account.', resolve: (s) => s.zone }),
    domain: t.field({ type: 'DomainName', nullable: true, description: 'Set for one record.', resolve: (s) => s.domain }),
    type: t.field({ type: RecordTypeEnum, nullable: true, description: 'Set for one record.', resolve: (s) => s.type }),
    sampledAt: t.expose('sampledAt', { type: 'DateTime', description: 'When the gateway took the sample from NS1.' }),
  }),
});
