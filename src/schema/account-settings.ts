import { z } from 'zod';
import type { Ns1AccountSettings } from '../providers/ns1/account.js';
import { builder } from './builder.js';
import { nameRule } from './input-rules.js';

export const AddressRef = builder.objectRef<Ns1AccountSettings['address']>('Address').implement({
  description: 'A postal address, of the NS1 account or of a card holder.',
  fields: (t) => ({
    street: t.exposeString('street', { nullable: true, description: 'Street and number; null when not set.' }),
    city: t.exposeString('city', { nullable: true, description: 'City; null when not set.' }),
    state: t.exposeString('state', { nullable: true, description: 'State or region; null when not set.' }),
    postalCode: t.exposeString('postalCode', { nullable: true, description: 'Postal code; null when not set.' }),
    country: t.exposeString('country', { nullable: true, description: 'Country, e.g. "US"; null when not set.' }),
  }),
});

export const AccountSettingsRef = builder.objectRef<Ns1AccountSettings>('AccountSettings').implement({
  description: 'NS1 account contact details.',
  fields: (t) => ({
    customerId: t.exposeInt('customerId', { nullable: true, description: 'NS1’s customer number of the account; it cannot be changed.' }),
    email: t.expose('email', { type: 'EmailAddress', nullable: true, description: 'Contact e-mail address; null when not set.' }),
    firstName: t.exposeString('firstName', { nullable: true, description: 'Contact’s first name; null when not set.' }),
    lastName: t.exposeString('lastName', { nullable: true, description: 'Contact’s last name; null when not set.' }),
    company: t.exposeString('company', { nullable: true, description: 'Company name; null when not set.' }),
    phone: t.exposeString('phone', { nullable: true, description: 'Contact phone number; null when not set.' }),
    address: t.field({ type: AddressRef, description: 'Postal address.', resolve: (s) => s.address }),
  }),
});

export const AddressInput = builder.inputType('AddressInput', {
  description: 'A postal address, or changes to one; fields left out stay as they are.',
  fields: (t) => ({
    street: t.string({ description: 'Street and number.' }),
    city: t.string({ description: 'City.' }),
    state: t.string({ description: 'State or region.' }),
    postalCode: t.string({ description: 'Postal code.' }),
    country: t.string({
      validate: z.string().regex(/^[A-Z]{2}$/, 'is not an ISO 3166 country code'),
      description: 'ISO 3166 two-letter country code, e.g. "US".',
    }),
  }),
});

export const AccountSettingsInput = builder.inputType('AccountSettingsInput', {
  description: 'Changes to the account’s contact details; fields left out stay as they are.',
  fields: (t) => ({
    email: t.field({ type: 'EmailAddress', description: 'Contact e-mail address.' }),
    firstName: t.string({ validate: nameRule, description: 'Contact’s first name, 1 to 255 characters.' }),
    lastName: t.string({ validate: nameRule, description: 'Contact’s last name, 1 to 255 characters.' }),
    company: t.string({ validate: nameRule, description: 'Company name, 1 to 255 characters.' }),
    phone: t.string({
      validate: z.string().regex(/^\+?[0-9 ().-]{3,32}$/, 'is not a phone number'),
      description: 'Phone number: digits, spaces, ( ) . - and an optional leading +.',
    }),
    address: t.field({ type: AddressInput, description: 'Postal address.' }),
  }),
});
