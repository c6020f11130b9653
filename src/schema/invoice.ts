import type { Ns1Invoice } from '../providers/ns1/billing.js';
import { invoiceAmount, invoiceDownloadUrl } from '../resolvers/account/invoices.js';
import { builder } from './builder.js';

export const InvoiceRef = builder.objectRef<Ns1Invoice>('Invoice').implement({
  description: 'An NS1 invoice.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'NS1’s id of the invoice; the key other subgraphs use.' }),
    amount: t.field({ type: 'Decimal', description: 'Exact, e.g. "2400.00" for NS1’s "2,400.00".', resolve: (i) => invoiceAmount(i) }),
    status: t.exposeString('status', { description: 'The invoice’s status as NS1 reports it.' }),
    sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true, description: 'When NS1 sent the invoice; null when NS1 gives no date.' }),
    dueAt: t.expose('dueAt', { type: 'DateTime', nullable: true, description: 'When payment is due; null when NS1 gives no date.' }),
    downloadUrl: t.string({
      description: 'The PDF, authenticated by the documented sha1 authtoken: a browser can open it without the key.',
      resolve: (i, _a, ctx) => invoiceDownloadUrl(ctx, i),
    }),
  }),
});
