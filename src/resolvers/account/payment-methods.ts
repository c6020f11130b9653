import type { GatewayContext } from '../../context.js';
import { omitNulls, type Maybe } from '../omit-nulls.js';
import { orNull } from '../../loaders/or-null.js';
import { requireNs1 } from '../providers.js';
import { createInCollection } from '../writes/verified-create.js';
import { checkCardNumber, checkExpiry } from './card-number.js';

export const paymentMethods = (ctx: GatewayContext) => requireNs1(ctx).ns1.paymentMethods.list();
export const paymentMethod = (ctx: GatewayContext, id: string) => orNull(requireNs1(ctx).ns1.paymentMethods.get(id));

export function addPaymentMethod(ctx: GatewayContext, input: { number: string; expMonth: number; expYear: number; cvc?: Maybe<string>; name?: Maybe<string> }) {
  checkCardNumber(input.number);
  checkExpiry(input.expMonth, input.expYear);
  const methods = requireNs1(ctx).ns1.paymentMethods;
  const number = input.number.replace(/[\s-]/g, '');
  return createInCollection(ctx, {
    what: 'payment method',
    list: () => methods.list(),
    create: () => methods.create({ number, expMonth: input.expMonth, expYear: input.expYear, ...omitNulls({ cvc: input.cvc, name: input.name }) }),
    isOurs: (card) => card.last4 === number.slice(-4) && card.expMonth === input.expMonth && card.expYear === input.expYear,
  });
}

export const setDefaultPaymentMethod = (ctx: GatewayContext, id: string) => requireNs1(ctx).ns1.paymentMethods.update(id, { isDefault: true });

export async function deletePaymentMethod(ctx: GatewayContext, id: string): Promise<boolean> {
  await requireNs1(ctx).ns1.paymentMethods.delete(id);
  return true;
}
