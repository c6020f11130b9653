import { z } from 'zod';
import type { Ns1PaymentMethod } from '../providers/ns1/billing.js';
import { AddressInput, AddressRef } from './account-settings.js';
import { builder } from './builder.js';

export const PaymentMethodRef = builder.objectRef<Ns1PaymentMethod>('PaymentMethod').implement({
  description: 'A payment method (credit card) on the NS1 account; of the card number only the last four digits are shown.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'NS1’s id of the payment method.' }),
    type: t.exposeString('type', { description: 'The kind of method, as NS1 names it, e.g. "creditcard".' }),
    isDefault: t.exposeBoolean('isDefault', { description: 'Whether invoices are charged to this method.' }),
    brand: t.exposeString('brand', { nullable: true, description: 'Card brand, e.g. "mastercard"; null when NS1 does not say.' }),
    last4: t.exposeString('last4', { nullable: true, description: 'The last four digits of the card; null when NS1 does not say.' }),
    expMonth: t.exposeInt('expMonth', { nullable: true, description: 'Expiry month, 1 to 12; null when NS1 does not say.' }),
    expYear: t.exposeInt('expYear', { nullable: true, description: 'Expiry year, e.g. 2027; null when NS1 does not say.' }),
    name: t.exposeString('name', { nullable: true, description: 'Cardholder name, first and last; null when NS1 does not say.' }),
    firstName: t.exposeString('firstName', { nullable: true, description: 'Cardholder’s first name; null when NS1 does not say.' }),
    lastName: t.exposeString('lastName', { nullable: true, description: 'Cardholder’s last name; null when NS1 does not say.' }),
    company: t.exposeString('company', { nullable: true, description: 'Company on the card’s billing details; null when none.' }),
    phone: t.exposeString('phone', { nullable: true, description: 'Phone number of the billing details; null when none.' }),
    address: t.field({ type: AddressRef, description: 'Billing address of the card.', resolve: (p) => p.address }),
  }),
});

export const PaymentCardInput = builder.inputType('PaymentCardInput', {
  description: 'A credit card to add to the NS1 account.',
  fields: (t) => ({
    number: t.string({
      required: true,
      description: 'Card number, 12 to 19 digits; spaces and dashes are ignored. A number that fails the checksum is refused before NS1 is called.',
    }),
    expMonth: t.int({ required: true, validate: z.number().int().min(1).max(12), description: 'Expiry month, 1 to 12.' }),
    expYear: t.int({
      required: true,
      validate: z.number().int().min(2000).max(2100),
      description: 'Expiry year, four digits, not in the past.',
    }),
    cvc: t.string({ validate: z.string().regex(/^\d{3,4}$/, 'is 3 or 4 digits'), description: 'Security code, 3 or 4 digits.' }),
    name: t.string({ description: 'Cardholder name; split before its last word unless firstName and lastName are given.' }),
    firstName: t.string({ description: 'Cardholder’s first name.' }),
    lastName: t.string({ description: 'Cardholder’s last name.' }),
    company: t.string({ description: 'Company of the billing details.' }),
    phone: t.string({ description: 'Phone number of the billing details.' }),
    address: t.field({ type: AddressInput, description: 'Billing address.' }),
    isDefault: t.boolean({ description: 'Charge future invoices to this card (NS1 then makes it the default).' }),
  }),
});
