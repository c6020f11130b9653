import { z } from 'zod';
import { withoutUserinfo } from '../endpoint-url.js';
import { encodePath } from '../http.js';
import type { ProviderCalls } from '../provider-api.js';
import { createWithPut } from '../write-retries.js';
import { unixDate } from './fields.js';

const invoiceSchema = z
  .object({
    id: z.union([z.number(), z.string()]),
    amount: z.union([z.string(), z.number()]),
    status: z.string(),
    sent: z.number().nullish(),
    due: unixDate,
  })
  .transform((i) => ({
    id: String(i.id),
    /** As NS1 sends it, e.g. "2,400.00"; the schema turns it into an exact decimal. */
    amount: String(i.amount),
    status: i.status,
    sentAt: i.sent ? new Date(i.sent * 1000) : null,
    dueAt: i.due,
    /** The `sent` field as NS1 sends it: part of the download authtoken. */
    sent: i.sent ?? null,
  }));

const paymentSchema = z
  .object({
    id: z.string(),
    type: z.string().nullish(),
    default: z.boolean().nullish(),
    cc: z
      .object({
        brand: z.string().nullish(),
        last4: z.string().nullish(),
        exp_month: z.number().nullish(),
        exp_year: z.number().nullish(),
        name: z.string().nullish(),
      })
      .nullish(),
  })
  .transform((p) => ({
    id: p.id,
    type: p.type ?? 'card',
    isDefault: p.default ?? false,
    brand: p.cc?.brand ?? null,
    last4: p.cc?.last4 ?? null,
    expMonth: p.cc?.exp_month ?? null,
    expYear: p.cc?.exp_year ?? null,
    name: p.cc?.name ?? null,
  }));

export type Ns1Invoice = z.output<typeof invoiceSchema>;
export type Ns1PaymentMethod = z.output<typeof paymentSchema>;

export interface Ns1CardInput {
  number: string;
  expMonth: number;
  expYear: number;
  cvc?: string;
  name?: string;
}

const invoiceListSchema = z.array(invoiceSchema);
const paymentListSchema = z.array(paymentSchema);

/** NS1 invoices, and links to their PDF: /account/invoices. */
export class Ns1Invoices {
  constructor(
    private readonly api: ProviderCalls,
    /** The documented alternative to the key header for invoice PDFs. */
    private readonly authToken: (invoiceId: string, sent: number | string) => string,
  ) {}

  list(): Promise<Ns1Invoice[]> {
    return this.api.call({ method: 'GET', path: '/account/invoices' }, invoiceListSchema, 'invoice list');
  }

  /** A link a browser can open without the key header, authenticated by the documented sha1 authtoken. */
  downloadUrl(invoice: Ns1Invoice): string {
    const token = this.authToken(invoice.id, invoice.sent ?? '');
    return `${withoutUserinfo(this.api.endpoint)}${encodePath('account', 'invoices', invoice.id)}?authtoken=${token}`;
  }
}

/** NS1 payment methods: /account/paymentmethods. */
export class Ns1PaymentMethods {
  constructor(private readonly api: ProviderCalls) {}

  list(): Promise<Ns1PaymentMethod[]> {
    return this.api.call({ method: 'GET', path: '/account/paymentmethods' }, paymentListSchema, 'payment methods');
  }

  get(id: string): Promise<Ns1PaymentMethod> {
    return this.api.call({ method: 'GET', path: encodePath('account', 'paymentmethods', id) }, paymentSchema, 'payment method');
  }

  create(card: Ns1CardInput): Promise<Ns1PaymentMethod> {
    const json = {
      cc_number: card.number,
      exp_month: card.expMonth,
      exp_year: card.expYear,
      ...(card.cvc ? { cvc: card.cvc } : {}),
      ...(card.name ? { name: card.name } : {}),
    };
    return this.api.call(createWithPut('/account/paymentmethods', { json }), paymentSchema, 'payment method');
  }

  /** NS1 lets a payment method change only one way: become the default. */
  update(id: string, change: { isDefault: true }): Promise<Ns1PaymentMethod> {
    return this.api.call(
      { method: 'POST', path: encodePath('account', 'paymentmethods', id), json: { default: change.isDefault } },
      paymentSchema,
      'payment method',
    );
  }

  async delete(id: string): Promise<void> {
    await this.api.send({ method: 'DELETE', path: encodePath('account', 'paymentmethods', id) });
  }
}
