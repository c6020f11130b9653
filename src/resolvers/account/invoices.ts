import type { GatewayContext } from '../../context.js';
import { toDecimal } from '../../domain/decimal.js';
import { GatewayError } from '../../errors/gateway-error.js';
import { ns1Invoices } from '../../loaders/ns1-ops.js';
import type { Ns1Invoice } from '../../providers/ns1/billing.js';
import { requireNs1 } from '../providers.js';

export const invoices = (ctx: GatewayContext) => ns1Invoices(requireNs1(ctx));
export const invoice = async (ctx: GatewayContext, id: string) => (await invoices(ctx)).find((i) => i.id === id) ?? null;

export function invoiceAmount(invoice: Ns1Invoice): string {
  const amount = toDecimal(invoice.amount);
  if (amount === undefined)
    throw new GatewayError('UPSTREAM_ERROR', `NS1 sent invoice ${invoice.id} with an amount that is not a number: "${invoice.amount}"`, { provider: 'ns1' });
  return amount;
}

export const invoiceDownloadUrl = (ctx: GatewayContext, invoice: Ns1Invoice) => requireNs1(ctx).ns1.invoices.downloadUrl(invoice);
