import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Ns1Client } from '../../../src/providers/ns1/client.js';
import { ns1Answering, type AnsweringNs1 } from '../../support/ns1-answering.js';

/** The examples of NS1's documentation for /account/plantypes and /account/plan, taken from its text. */
const documented = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/ns1/${name}.json`, import.meta.url), 'utf8'));
const PLAN_TYPES = documented('plantypes');
const PLAN = documented('plan');
const PLAN_CHANGE_REQUEST = documented('plan-change-request');
const PLAN_CHANGE = documented('plan-change');

/** What the server answers each route with; a test may swap one for a variant of the documented shape. */
let answers: Record<string, unknown>;
let received: unknown[];
let ns1: AnsweringNs1;
let client: Ns1Client;

beforeAll(async () => {
  ns1 = await ns1Answering((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (chunks.length > 0) received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      const answer = answers[`${req.method} ${req.url}`];
      if (answer === undefined) {
        res.writeHead(200).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  client = ns1.client;
});
afterAll(() => ns1.close());
beforeEach(() => {
  answers = { 'GET /v1/account/plantypes': PLAN_TYPES, 'GET /v1/account/plan': PLAN, 'POST /v1/account/plan': PLAN_CHANGE };
  received = [];
});

const noTierAllowance = { queries: 0, records: 0 };
const noAccessCharges = { static: '0.00', dynamic: '0.00', intelligent: '0.00' };

describe('plans as NS1 documents them', () => {
  it('reads every plan type of the documented list, each a type for one term with its prices and limits', async () => {
    const types = await client.planTypes.list();
    expect(types.map((p) => [p.type, p.period, p.monthlyPrice, p.recurringCost])).toEqual([
      ['startup', 'monthly', '0.00', '0.00'],
      ['business', 'monthly', '50.00', '50.00'],
      ['business', 'quarterly', '47.50', '47.50'],
    ]);
    expect(types[0]).toEqual({
      type: 'startup',
      period: 'monthly',
      monthlyPrice: '0.00',
      recurringCost: '0.00',
      discount: '0.00',
      discountType: 'percentage',
      included: { any: { queries: 10_000_000, records: 50 }, static: noTierAllowance, dynamic: noTierAllowance, intelligent: noTierAllowance },
      overageOrder: 'ascending',
      overages: {
        static: { queryRatePerMillion: '2', recordRate: '1' },
        dynamic: { queryRatePerMillion: '4', recordRate: '1' },
        intelligent: { queryRatePerMillion: '6', recordRate: '1' },
      },
      accessCharges: noAccessCharges,
      monitoring: { jobs: 2, frequency: 60, regions: 1 },
    });
  });

  it('reads the current plan with its lock and balance', async () => {
    expect(await client.plan.get()).toEqual({
      type: 'pro',
      period: 'annual',
      monthlyPrice: '200.00',
      recurringCost: '2400.00',
      discount: '0.00',
      discountType: 'percentage',
      included: { any: { queries: 250_000_000, records: 1500 }, static: noTierAllowance, dynamic: noTierAllowance, intelligent: noTierAllowance },
      overageOrder: 'ascending',
      overages: {
        static: { queryRatePerMillion: '0.50', recordRate: '0.10' },
        dynamic: { queryRatePerMillion: '0.75', recordRate: '0.10' },
        intelligent: { queryRatePerMillion: '1', recordRate: '0.10' },
      },
      accessCharges: noAccessCharges,
      monitoring: { jobs: 250, frequency: 5, regions: 5 },
      locked: false,
      balance: '0.00',
    });
  });

  it('changes the plan with the documented request and reads the plan NS1 answers with', async () => {
    const changed = await client.plan.update('pro', { period: 'annual' });
    expect(received).toEqual([PLAN_CHANGE_REQUEST]);
    expect(changed).toMatchObject({ type: 'pro', period: 'annual', recurringCost: '2400.00', balance: '2,400.00', locked: true });
  });

  it('sends notes with a change, and reads a change NS1 answers without a body as a request not yet granted', async () => {
    delete answers['POST /v1/account/plan'];
    expect(await client.plan.update('enterprise', { period: 'annual', notes: 'for 200 zones' })).toBeNull();
    expect(received).toEqual([{ type: 'enterprise', period: 'annual', notes: 'for 200 zones' }]);
  });

  it('reads a plan that leaves parts out or adds fields of its own, the missing parts as null', async () => {
    answers['GET /v1/account/plantypes'] = [{ type: 'basic', period: 'monthly', monthly_price: 12, included: { any: { records: 100 } }, trial: true }];
    const [basic] = await client.planTypes.list();
    expect(basic).toEqual({
      type: 'basic',
      period: 'monthly',
      monthlyPrice: '12',
      recurringCost: null,
      discount: null,
      discountType: null,
      included: {
        any: { queries: null, records: 100 },
        static: { queries: null, records: null },
        dynamic: { queries: null, records: null },
        intelligent: { queries: null, records: null },
      },
      overageOrder: null,
      overages: {
        static: { queryRatePerMillion: null, recordRate: null },
        dynamic: { queryRatePerMillion: null, recordRate: null },
        intelligent: { queryRatePerMillion: null, recordRate: null },
      },
      accessCharges: { static: null, dynamic: null, intelligent: null },
      monitoring: { jobs: null, frequency: null, regions: null },
    });
  });
});
