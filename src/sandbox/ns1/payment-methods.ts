import { SandboxHttpError } from '../kit/index.js';
import { collection, obj, str, type CollectionSpec } from './collection.js';

/** A payment method as NS1 documents it (GET /account/paymentmethods). */
export interface PaymentMethod {
  id: string;
  type: 'creditcard';
  default: boolean;
  cc_type: string;
  cc_number_last4: string;
  cc_expire_month: number;
  cc_expire_year: number;
  firstname?: string;
  lastname?: string;
  company?: string;
  phone?: string;
  address?: Record<string, string>;
}

export const PAYMENT_METHODS: CollectionSpec<PaymentMethod> = {
  slice: 'paymentMethods',
  path: '/account/paymentmethods',
  resourceType: 'payment_method',
  idOf: (p) => p.id,
  view: ['account', 'view_invoices'],
  manage: ['account', 'manage_payment_methods'],
  seed: () => [
    {
      id: '5a1b2c3d4e5f60718293a4b5',
      type: 'creditcard',
      default: true,
      cc_type: 'visa',
      cc_number_last4: '4242',
      cc_expire_month: 12,
      cc_expire_year: 2029,
      firstname: 'Demo',
      lastname: 'Example',
      company: 'dnsgraph demo account',
      address: { country: 'US', postalcode: '10005', state: 'NY', city: 'New York', street: '20 Example Street' },
    },
    {
      id: '5a1b2c3d4e5f60718293a4b6',
      type: 'creditcard',
      default: false,
      cc_type: 'mastercard',
      cc_number_last4: '4444',
      cc_expire_month: 6,
      cc_expire_year: 2028,
      firstname: 'Demo',
      lastname: 'Example',
    },
  ],
  create: (ctx, b) => {
    const number = str(b, 'cc_number', true)!.replace(/\s+/g, '');
    if (!/^\d{12,19}$/.test(number)) throw new SandboxHttpError(400, 'cc_number must be 12 to 19 digits');
    const month = Number(b.cc_expire_month);
    const year = Number(b.cc_expire_year);
    if (!Number.isInteger(month) || month < 1 || month > 12) throw new SandboxHttpError(400, 'cc_expire_month must be 1 to 12');
    if (!Number.isInteger(year) || year < new Date(ctx.clock.now()).getUTCFullYear()) throw new SandboxHttpError(400, 'the card has expired');
    const cvv = str(b, 'cc_cvv2');
    if (cvv !== undefined && !/^\d{3,4}$/.test(cvv)) throw new SandboxHttpError(400, 'cc_cvv2 must be 3 or 4 digits');
    const methods = collection(ctx, PAYMENT_METHODS);
    const becomesDefault = methods.size === 0 || b.default === true;
    if (becomesDefault) for (const other of methods.values()) other.default = false;
    const address = obj(b, 'address');
    return {
      id: ctx.state().ids.next(),
      type: 'creditcard',
      default: becomesDefault,
      cc_type: number.startsWith('4') ? 'visa' : number.startsWith('5') ? 'mastercard' : number.startsWith('3') ? 'amex' : 'card',
      cc_number_last4: number.slice(-4),
      cc_expire_month: month,
      cc_expire_year: year,
      ...optional({ firstname: str(b, 'firstname'), lastname: str(b, 'lastname'), company: str(b, 'company'), phone: str(b, 'phone') }),
      ...(address ? { address: Object.fromEntries(Object.entries(address).map(([k, v]) => [k, String(v)])) } : {}),
    };
  },
  // A POST with no body makes the method the default.
  update: (ctx, method) => {
    for (const other of collection(ctx, PAYMENT_METHODS).values()) other.default = false;
    method.default = true;
  },
  // The last card cannot go; when the default one goes, the earliest card left becomes the default.
  beforeDelete: (ctx, method) => {
    const others = [...collection(ctx, PAYMENT_METHODS).values()].filter((other) => other.id !== method.id);
    if (others.length === 0) throw new SandboxHttpError(400, 'you may not delete the last credit card from the account; add another one first');
    if (method.default) others[0]!.default = true;
  },
};

/** The fields that were given. */
function optional(fields: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
