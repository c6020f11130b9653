import type { GatewayContext } from '../../context.js';
import { omitNulls, type Maybe } from '../omit-nulls.js';
import { orNull } from '../../loaders/or-null.js';
import { requireNs1 } from '../providers.js';
import { createInCollection } from '../writes/verified-create.js';
import { checkCardNumber, checkExpiry } from './card-number.js';

export const paymentMethods = (ctx: GatewayContext) => requireNs1(ctx).ns1.paymentMethods.list();
export const paymentMethod = (ctx: GatewayContext, id: string) => orNull(requireNs1(ctx).ns1.paymentMethods.get(id));

export interface PaymentCardArgs {
  number: string;
  expMonth: number;
  expYear: number;
  cvc?: Maybe<string>;
  name?: Maybe<string>;
  firstName?: Maybe<string>;
  lastName?: Maybe<string>;
  company?: Maybe<string>;
  phone?: Maybe<string>;
  address?: Maybe<{ street?: Maybe<string>; city?: Maybe<string>; state?: Maybe<string>; postalCode?: Maybe<string>; country?: Maybe<string> }>;
  isDefault?: Maybe<boolean>;
}

/** The cardholder's first and last names: as given, else the name split before its last word. */
function holderOf(input: PaymentCardArgs): { firstName?: string; lastName?: string } {
  const words = input.name?.trim().split(/\s+/).filter(Boolean) ?? [];
  const fromName = words.length > 1 ? { firstName: words.slice(0, -1).join(' '), lastName: words.at(-1) } : { lastName: words[0] };
  return omitNulls({ firstName: input.firstName ?? fromName.firstName, lastName: input.lastName ?? fromName.lastName });
}

export function addPaymentMethod(ctx: GatewayContext, input: PaymentCardArgs) {
  checkCardNumber(input.number);
  checkExpiry(input.expMonth, input.expYear);
  const methods = requireNs1(ctx).ns1.paymentMethods;
  const number = input.number.replace(/[\s-]/g, '');
  const card = {
    number,
    expMonth: input.expMonth,
    expYear: input.expYear,
    ...holderOf(input),
    ...omitNulls({ cvc: input.cvc, company: input.company, phone: input.phone, isDefault: input.isDefault }),
    ...(input.address ? { address: omitNulls(input.address) } : {}),
  };
  return createInCollection(ctx, {
    what: 'payment method',
    list: () => methods.list(),
    create: () => methods.create(card),
    isOurs: (method) => method.last4 === number.slice(-4) && method.expMonth === input.expMonth && method.expYear === input.expYear,
  });
}

export const setDefaultPaymentMethod = (ctx: GatewayContext, id: string) => requireNs1(ctx).ns1.paymentMethods.makeDefault(id);

export async function deletePaymentMethod(ctx: GatewayContext, id: string): Promise<boolean> {
  await requireNs1(ctx).ns1.paymentMethods.delete(id);
  return true;
}
