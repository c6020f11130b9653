import { z } from 'zod';
import { encodePath } from '../http.js';
import type { Ns1Api } from './api.js';
import { withoutUserinfo } from '../endpoint-url.js';

export interface Ns1Invoice {
  id: string;
  /** As NS1 sends it, e.g. "2,400.00"; the schema turns it into an exact decimal. */
  amount: string;
  status: string;
  sentAt: Date | null;
  dueAt: Date | null;
  /** The `sent` field as NS1 sends it: part of the download authtoken. */
  sent: number | null;
}

export interface Ns1PaymentMethod {
  id: string;
  type: string;
  isDefault: boolean;
  brand: string | null;
  last4: string | null;
  expMonth: number | null;
  expYear: number | null;
  name: string | null;
}

const invoiceSchema = z
  .object({
    id: z.union([z.number(), z.string()]),
    amount: z.union([z.string(), z.number()]),
    status: z.string(),
    sent: z.number().nullish(),
    due: z.number().nullish(),
  })
  .transform((i): Ns1Invoice => ({
    id: String(i.id),
    amount: String(i.amount),
    status: i.status,
    sentAt: i.sent ? new Date(i.sent * 1000) : null,
    dueAt: i.due ? new Date(i.due * 1000) : null,
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
  .transform((p): Ns1PaymentMethod => ({
    id: p.id,
    type: p.type ?? 'card',
    isDefault: p.default ?? false,
    brand: p.cc?.brand ?? null,
    last4: p.cc?.last4 ?? null,
    expMonth: p.cc?.exp_month ?? null,
    expYear: p.cc?.exp_year ?? null,
    name: p.cc?.name ?? null,
  }));

export interface Ns1CardInput {
  number: string;
  expMonth: number;
  expYear: number;
  cvc?: string;
  name?: string;
}

/** NS1 invoices (with their PDF) and payment methods. */
export class Ns1Billing {
  constructor(
    private readonly api: Ns1Api,
    private readonly endpoint: string,
  ) {}

  invoices(): Promise<Ns1Invoice[]> {
    return this.api.call({ method: 'GET', path: '/account/invoices' }, z.array(invoiceSchema), 'invoice list');
  }

  /** A link a browser can open without the key header, authenticated by the documented sha1 authtoken. */
  downloadUrl(invoice: Ns1Invoice): string {
    const token = this.api.invoiceAuthToken(invoice.id, invoice.sent ?? '');
    return `${withoutUserinfo(this.endpoint)}${encodePath('account', 'invoices', invoice.id)}?authtoken=${token}`;
  }

  paymentMethods(): Promise<Ns1PaymentMethod[]> {
    return this.api.call({ method: 'GET', path: '/account/paymentmethods' }, z.array(paymentSchema), 'payment methods');
  }

  addPaymentMethod(card: Ns1CardInput): Promise<Ns1PaymentMethod> {
    const json = {
      cc_number: card.number,
      exp_month: card.expMonth,
      exp_year: card.expYear,
      ...(card.cvc ? { cvc: card.cvc } : {}),
      ...(card.name ? { name: card.name } : {}),
    };
    return this.api.call({ method: 'PUT', path: '/account/paymentmethods', json, retry: false }, paymentSchema, 'payment method');
  }

  setDefaultPaymentMethod(id: string): Promise<Ns1PaymentMethod> {
    return this.api.call({ method: 'POST', path: encodePath('account', 'paymentmethods', id), json: { default: true } }, paymentSchema, 'payment method');
  }

  async deletePaymentMethod(id: string): Promise<void> {
    await this.api.send({ method: 'DELETE', path: encodePath('account', 'paymentmethods', id) });
  }
}
