import { z } from 'zod';
import { withoutUserinfo } from '../endpoint-url.js';
import { encodePath } from '../http.js';
import type { ProviderCalls } from '../provider-api.js';
import { createWithPut } from '../write-retries.js';
import { addressBody, addressSchema, defined, unixDate } from './fields.js';

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
    id: z.union([z.string(), z.number()]).transform(String),
    type: z.string().nullish(),
    default: z.boolean().nullish(),
    cc_type: z.string().nullish(),
    cc_number_last4: z.string().nullish(),
    cc_expire_month: z.number().nullish(),
    cc_expire_year: z.number().nullish(),
    firstname: z.string().nullish(),
    lastname: z.string().nullish(),
    company: z.string().nullish(),
    phone: z.string().nullish(),
    address: addressSchema,
  })
  .transform((p) => ({
    id: p.id,
    type: p.type ?? 'creditcard',
    isDefault: p.default ?? false,
    brand: p.cc_type ?? null,
    last4: p.cc_number_last4 ?? null,
    expMonth: p.cc_expire_month ?? null,
    expYear: p.cc_expire_year ?? null,
    firstName: p.firstname ?? null,
    lastName: p.lastname ?? null,
    name: [p.firstname, p.lastname].filter(Boolean).join(' ') || null,
    company: p.company ?? null,
    phone: p.phone ?? null,
    address: p.address,
  }));

export type Ns1Invoice = z.output<typeof invoiceSchema>;
export type Ns1PaymentMethod = z.output<typeof paymentSchema>;

export interface Ns1CardInput {
  number: string;
  expMonth: number;
  expYear: number;
  cvc?: string;
  firstName?: string;
  lastName?: string;
  company?: string;
  phone?: string;
  address?: { street?: string; city?: string; state?: string; postalCode?: string; country?: string };
  isDefault?: boolean;
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
    const { address } = card;
    const json = defined({
      type: 'creditcard',
      cc_number: card.number,
      cc_expire_month: card.expMonth,
      cc_expire_year: card.expYear,
      cc_cvv2: card.cvc,
      firstname: card.firstName,
      lastname: card.lastName,
      company: card.company,
      phone: card.phone,
      address: address && addressBody(address),
      default: card.isDefault,
    });
    return this.api.call(createWithPut('/account/paymentmethods', { json }), paymentSchema, 'payment method');
  }

  /** NS1 lets a payment method change only one way: become the default, by a POST with no body and no answer. */
  async makeDefault(id: string): Promise<Ns1PaymentMethod> {
    await this.api.send({ method: 'POST', path: encodePath('account', 'paymentmethods', id) });
    return this.get(id);
  }

  async delete(id: string): Promise<void> {
    await this.api.send({ method: 'DELETE', path: encodePath('account', 'paymentmethods', id) });
  }
}
