import { json, SandboxHttpError, type Router } from '../kit/index.js';
import { recordActivity } from './activity.js';
import { keyOf, require } from './auth.js';
import { body, collection, slice, str } from './collection.js';
import { PAYMENT_METHODS } from './payment-methods.js';
import type { Ns1Context } from './state.js';

type Tiers<T> = { static: T; intelligent: T; dynamic: T };

/** A plan as NS1 documents it in GET /account/plantypes; the account's plan adds `locked` and `balance`. */
export interface PlanOffer {
  overage_order: string;
  overages: Tiers<{ queries: string; records: string }>;
  monthly_price: string;
  discount: string;
  discount_type: string;
  included: { any: { queries: number; records: number } } & Tiers<{ queries: number; records: number }>;
  recurring_cost: string;
  access_charges: Tiers<string>;
  monitoring: { jobs: number; frequency: number; regions: number };
  type: string;
  period: string;
}

export interface AccountPlan extends PlanOffer {
  locked: boolean;
  balance: string;
}

const NO_ACCESS_CHARGES = { static: '0.00', intelligent: '0.00', dynamic: '0.00' };
const NO_TIER_ALLOWANCE = { static: { queries: 0, records: 0 }, intelligent: { queries: 0, records: 0 }, dynamic: { queries: 0, records: 0 } };

const offer = (
  type: string,
  period: string,
  prices: { monthly: string; recurring: string },
  any: { queries: number; records: number },
  overages: PlanOffer['overages'],
  monitoring: PlanOffer['monitoring'],
): PlanOffer => ({
  overage_order: 'ascending',
  overages,
  monthly_price: prices.monthly,
  discount: '0.00',
  discount_type: 'percentage',
  included: { any, ...NO_TIER_ALLOWANCE },
  recurring_cost: prices.recurring,
  access_charges: NO_ACCESS_CHARGES,
  monitoring,
  type,
  period,
});

const STARTUP_OVERAGES = { static: { queries: '2', records: '1' }, intelligent: { queries: '6', records: '1' }, dynamic: { queries: '4', records: '1' } };
const BUSINESS_OVERAGES = {
  static: { queries: '0.75', records: '0.25' },
  intelligent: { queries: '2', records: '0.25' },
  dynamic: { queries: '1.25', records: '0.25' },
};
const PRO_OVERAGES = {
  static: { queries: '0.50', records: '0.10' },
  intelligent: { queries: '1', records: '0.10' },
  dynamic: { queries: '0.75', records: '0.10' },
};
const BUSINESS_MONITORING = { jobs: 25, frequency: 20, regions: 3 };

/** The self-service plans, one per type and period, with the values of NS1's documented examples. */
export const PLAN_TYPES: readonly PlanOffer[] = [
  offer('startup', 'monthly', { monthly: '0.00', recurring: '0.00' }, { queries: 1e7, records: 50 }, STARTUP_OVERAGES, { jobs: 2, frequency: 60, regions: 1 }),
  offer('business', 'monthly', { monthly: '50.00', recurring: '50.00' }, { queries: 2.5e7, records: 250 }, BUSINESS_OVERAGES, BUSINESS_MONITORING),
  offer('business', 'quarterly', { monthly: '47.50', recurring: '47.50' }, { queries: 2.5e7, records: 250 }, BUSINESS_OVERAGES, BUSINESS_MONITORING),
  offer('pro', 'annual', { monthly: '200.00', recurring: '2400.00' }, { queries: 2.5e8, records: 1500 }, PRO_OVERAGES, { jobs: 250, frequency: 5, regions: 5 }),
];

/** The terms a plan may be paid for. */
const PLAN_PERIODS = ['monthly', 'quarterly', 'semiannual', 'annual'];
/** Plans NS1 changes to only after review. */
const REVIEWED_TYPES = ['professional', 'enterprise', 'enterprise_premium'];
/** Plans from which NS1 changes at once, given a payment method on file. */
const SELF_SERVICE_FROM = ['startup', 'starter', 'basic'];

/** The account's plan: the free startup plan, as in NS1's bill at a glance example. */
export const currentPlan = (ctx: Ns1Context): AccountPlan => slice(ctx, 'plan', () => ({ ...PLAN_TYPES[0]!, locked: false, balance: '0.00' }));

/** An amount as NS1 writes a balance, with thousands separated: "2,400.00". */
const withThousands = (amount: string) => amount.replace(/^(\d+)/, (whole) => whole.replace(/\B(?=(\d{3})+$)/g, ','));

export function registerPlans(router: Router, ctx: Ns1Context): void {
  router.get('/account/plantypes', (req) => {
    keyOf(req, ctx.state());
    return json(PLAN_TYPES);
  });
  router.get('/account/plan', (req) => {
    keyOf(req, ctx.state());
    return json(currentPlan(ctx));
  });
  router.post('/account/plan', (req) => {
    const key = keyOf(req, ctx.state());
    require(key, 'account', 'manage_plan');
    const b = body(req);
    const type = str(b, 'type', true)!;
    const period = str(b, 'period');
    str(b, 'notes');
    if (period !== undefined && !PLAN_PERIODS.includes(period)) throw new SandboxHttpError(400, `period must be one of ${PLAN_PERIODS.join(', ')}`);
    const offers = PLAN_TYPES.filter((p) => p.type === type);
    if (offers.length === 0 && !REVIEWED_TYPES.includes(type)) throw new SandboxHttpError(400, `plan type ${type} does not exist`);
    const chosen = period === undefined ? offers[0] : offers.find((p) => p.period === period);
    const current = currentPlan(ctx);
    const atOnce = chosen && SELF_SERVICE_FROM.includes(current.type) && collection(ctx, PAYMENT_METHODS).size > 0;
    // Any other change is a request NS1 reviews later, answered without a body; the plan stays as it is.
    if (!atOnce) return { status: 200 };
    // Charged the full recurring cost at once, as NS1 documents; its example answers with the plan locked.
    Object.assign(current, chosen, { locked: true, balance: withThousands(chosen.recurring_cost) });
    recordActivity(ctx, key, 'update', 'plan', type);
    return json(current);
  });
}
