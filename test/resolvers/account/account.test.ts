import { describe, expect, it } from 'vitest';
import { countUpstreamCalls, useHarness } from '../../support/harness.js';

const h = useHarness();

describe('viewer.ns1', () => {
  it('shows settings, warnings, plan, bill and payment methods', async () => {
    const { data, errors } = await h.gql<{ viewer: { ns1: Record<string, unknown> } }>(
      '{ viewer { ns1 { settings { customerId email company address { city country } } usageWarnings { queries { sendWarnings warning1 warning2 } } plan { type period recurringCost } planTypes { type period recurringCost } bill { plan recurringCost static { records } } paymentMethods { brand last4 isDefault } } } }',
    );
    expect(errors).toBeUndefined();
    const ns1 = data!.viewer.ns1;
    expect(ns1.settings).toEqual({
      customerId: 5309,
      email: 'billing@example.com',
      company: 'dnsgraph demo account',
      address: { city: 'New York', country: 'US' },
    });
    expect(ns1.usageWarnings).toEqual({ queries: { sendWarnings: true, warning1: 80, warning2: 90 } });
    expect(ns1.plan).toEqual({ type: 'startup', period: 'monthly', recurringCost: '0.00' });
    expect(ns1.planTypes).toContainEqual({ type: 'pro', period: 'annual', recurringCost: '2400.00' });
    expect(ns1.bill).toMatchObject({ plan: 'startup', recurringCost: '0.00' });
    expect(ns1.paymentMethods).toEqual([
      { brand: 'visa', last4: '4242', isDefault: true },
      { brand: 'mastercard', last4: '4444', isDefault: false },
    ]);
  });

  it('shows each plan type with its prices, allowances, overage rates, access charges and monitoring limits, amounts exact', async () => {
    const tiers = (fields: string) => `{ static ${fields} dynamic ${fields} intelligent ${fields} }`;
    const allowance = '{ queries records }';
    const plan = `type period monthlyPrice recurringCost discount discountType overageOrder
      included { any ${allowance} static ${allowance} dynamic ${allowance} intelligent ${allowance} }
      overages ${tiers('{ queryRatePerMillion recordRate }')} accessCharges { static dynamic intelligent } monitoring { jobs frequency regions }`;
    const { data, errors } = await h.gql<{ viewer: { ns1: { plan: Record<string, unknown>; planTypes: Array<Record<string, unknown>> } } }>(
      `{ viewer { ns1 { plan { ${plan} locked balance } planTypes { ${plan} } } } }`,
    );
    expect(errors).toBeUndefined();
    const { plan: current, planTypes } = data!.viewer.ns1;
    const none = { queries: 0, records: 0 };
    const businessQuarterly = {
      type: 'business',
      period: 'quarterly',
      monthlyPrice: '47.50',
      recurringCost: '47.50',
      discount: '0.00',
      discountType: 'percentage',
      overageOrder: 'ascending',
      included: { any: { queries: 25_000_000, records: 250 }, static: none, dynamic: none, intelligent: none },
      overages: {
        static: { queryRatePerMillion: '0.75', recordRate: '0.25' },
        dynamic: { queryRatePerMillion: '1.25', recordRate: '0.25' },
        intelligent: { queryRatePerMillion: '2', recordRate: '0.25' },
      },
      accessCharges: { static: '0.00', dynamic: '0.00', intelligent: '0.00' },
      monitoring: { jobs: 25, frequency: 20, regions: 3 },
    };
    expect(planTypes).toContainEqual(businessQuarterly);
    expect(planTypes.map((p) => `${String(p.type)} ${String(p.period)}`)).toEqual(['startup monthly', 'business monthly', 'business quarterly', 'pro annual']);
    expect(current).toMatchObject({ type: 'startup', period: 'monthly', monthlyPrice: '0.00', locked: false, balance: '0.00' });
    expect(current).toMatchObject({ included: { any: { queries: 10_000_000, records: 50 } }, monitoring: { jobs: 2, frequency: 60, regions: 1 } });
  });

  it('shows the bill’s totals across tiers, balance, amount so far, next base invoice and overage order', async () => {
    const { data, errors } = await h.gql<{
      viewer: {
        ns1: {
          bill: {
            static: { records: number; queries: number };
            dynamic: { records: number; queries: number };
            intelligent: { records: number; queries: number };
            totals: { records: number; queries: number; recordCost: string; recordRate: string | null };
          } & Record<string, unknown>;
        };
      };
    }>(
      '{ viewer { ns1 { bill { nextInvoiceAt nextBaseInvoiceAt balance bill overageOrder static { records queries } dynamic { records queries } intelligent { records queries } totals { records queries recordCost recordRate } } } } }',
    );
    expect(errors).toBeUndefined();
    const bill = data!.viewer.ns1.bill;
    expect(bill).toMatchObject({ nextBaseInvoiceAt: bill.nextInvoiceAt, balance: '0.00', bill: '0.00', overageOrder: 'ascending' });
    const tiers = [bill.static, bill.dynamic, bill.intelligent];
    expect(bill.totals).toEqual({
      records: tiers.reduce((n, t) => n + t.records, 0),
      queries: tiers.reduce((n, t) => n + t.queries, 0),
      recordCost: '0.00',
      recordRate: null,
    });
    expect(bill.totals.records).toBeGreaterThan(0);
  });

  it('reads invoice amounts exactly and links a PDF a browser can open without the key', async () => {
    const { data } = await h.gql<{ viewer: { ns1: { invoices: Array<{ id: string; amount: string; status: string; sentAt: string; downloadUrl: string }> } } }>(
      '{ viewer { ns1 { invoices { id amount status sentAt dueAt downloadUrl } } } }',
    );
    const invoices = data!.viewer.ns1.invoices;
    expect(invoices.map((i) => i.amount)).toEqual(['2400.00', '2400.00', '1187.35', '99.00']);
    expect(invoices[0]).toMatchObject({ id: '727', status: 'due', sentAt: '2024-06-01T00:00:00.000Z' });
    const pdf = await fetch(invoices[0]!.downloadUrl);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(invoices[0]!.downloadUrl).not.toContain('sandbox-ns1-admin-key');
    expect((await fetch(invoices[0]!.downloadUrl.replace(/authtoken=\w+/, 'authtoken=forged'))).status).toBe(401);
  });

  it('lists users with their teams, loading each distinct team once', async () => {
    const { result, ns1 } = await countUpstreamCalls(h, () =>
      h.gql<{ viewer: { ns1: { users: Array<{ username: string; teams: Array<{ name: string }>; permissions: { dns: { manageZones: boolean } } }> } } }>(
        '{ viewer { ns1 { users { provider username name email lastAccessAt teams { name } permissions { dns { manageZones } } } apiKeys { teams { name } } } } }',
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.viewer.ns1.users.map((u) => [u.username, u.teams.map((t) => t.name), u.permissions.dns.manageZones])).toEqual([
      ['alice', ['Operations'], true],
      ['bob', ['Developers'], false],
    ]);
    expect(ns1.routes['GET /account/teams/:id']).toBe(2);
  });

  it('filters the activity log', async () => {
    await h.gql('mutation { createTeam(input: { name: "SRE" }) { id } }');
    await h.gql('mutation { changePlan(type: "startup") { type } }');
    const { data } = await h.gql<{ viewer: { ns1: { activity: Array<{ resourceType: string; action: string; userName: string }> } } }>(
      '{ viewer { ns1 { activity(resourceType: "team", limit: 10) { resourceType action userName at } } } }',
    );
    expect(data?.viewer.ns1.activity).toEqual([{ resourceType: 'team', action: 'create', userName: 'Sandbox admin', at: expect.any(String) }]);
  });
});

describe('account writes', () => {
  it('creates an API key whose secret is shown once', async () => {
    const created = await h.gql<{ createApiKey: { secret: string; apiKey: { id: string; name: string } } }>(
      'mutation { createApiKey(input: { name: "ci", permissions: { dns: { viewZones: true, zonesAllowByDefault: true } } }) { secret apiKey { id name permissions { dns { viewZones manageZones } } } } }',
    );
    expect(created.errors).toBeUndefined();
    const { secret, apiKey } = created.data!.createApiKey;
    expect(secret).toMatch(/^[0-9a-f]{20}$/);
    // NS1 shows the key string with every listed and read key; the gateway never passes it on.
    const everyField = '{ id name teams { id name } permissions { dns { viewZones zonesAllow } } lastAccessAt ipWhitelist ipWhitelistStrict }';
    const listed = await h.gql<{ viewer: { ns1: { apiKeys: Array<{ id: string }> } } }>(`{ viewer { ns1 { apiKeys ${everyField} } } }`);
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.viewer.ns1.apiKeys.map((k) => k.id)).toContain(apiKey.id);
    expect(JSON.stringify(listed)).not.toContain(secret);
    const one = await h.gql(`query ($id: ID!) { viewer { ns1 { apiKey(id: $id) ${everyField} } } }`, { id: apiKey.id });
    expect(one.errors).toBeUndefined();
    expect(JSON.stringify(one)).not.toContain(secret);
    const asNewKey = await h.gql<{ zones: unknown[] }>('{ zones(provider: NS1) { name } }', undefined, { 'x-ns1-key': secret });
    expect(asNewKey.data?.zones.length).toBeGreaterThan(0);
    expect((await h.gql('mutation ($id: ID!) { updateApiKey(id: $id, input: { name: "ci-2" }) { name } }', { id: apiKey.id })).data).toEqual({
      updateApiKey: { name: 'ci-2' },
    });
    expect((await h.gql('mutation ($id: ID!) { deleteApiKey(id: $id) }', { id: apiKey.id })).data).toEqual({ deleteApiKey: true });
  });

  it('creates, updates, re-invites and deletes a user, and manages teams and allow lists', async () => {
    const team = await h.gql<{ createTeam: { id: string } }>(
      'mutation { createTeam(input: { name: "SRE", permissions: { monitoring: { viewJobs: true } } }) { id name permissions { monitoring { viewJobs manageJobs } } } }',
    );
    const teamId = team.data!.createTeam.id;
    const user = await h.gql(
      'mutation ($t: ID!) { createUser(username: "carol", input: { name: "Carol", email: "carol@example.com", teamIds: [$t], notifyBilling: true }) { username teams { name } notifyBilling } }',
      { t: teamId },
    );
    expect(user.data).toEqual({ createUser: { username: 'carol', teams: [{ name: 'SRE' }], notifyBilling: true } });
    expect((await h.gql('mutation { updateUser(username: "carol", input: { name: "Carol C" }) { name } }')).data).toEqual({ updateUser: { name: 'Carol C' } });
    expect((await h.gql('mutation { reinviteUser(username: "carol") }')).data).toEqual({ reinviteUser: true });
    expect((await h.gql('mutation { deleteUser(username: "carol") }')).data).toEqual({ deleteUser: true });
    expect((await h.gql('{ viewer { ns1 { user(username: "carol") { name } } } }')).data).toEqual({ viewer: { ns1: { user: null } } });
    expect((await h.gql('mutation ($t: ID!) { updateTeam(id: $t, input: { name: "SRE team" }) { name } }', { t: teamId })).data).toEqual({
      updateTeam: { name: 'SRE team' },
    });
    expect((await h.gql('mutation ($t: ID!) { deleteTeam(id: $t) }', { t: teamId })).data).toEqual({ deleteTeam: true });
    const list = await h.gql<{ createIpAllowList: { id: string } }>(
      'mutation { createIpAllowList(input: { name: "vpn", values: ["203.0.113.0/24", "2001:db8::1"] }) { id values } }',
    );
    const listId = list.data!.createIpAllowList.id;
    expect((await h.gql('mutation ($id: ID!) { updateIpAllowList(id: $id, input: { values: ["203.0.113.9"] }) { values } }', { id: listId })).data).toEqual({
      updateIpAllowList: { values: ['203.0.113.9'] },
    });
    expect((await h.gql('mutation ($id: ID!) { deleteIpAllowList(id: $id) }', { id: listId })).data).toEqual({ deleteIpAllowList: true });
  });

  it('gives a team named whitelist records, changes them, and refuses an address that is not one', async () => {
    const created = await h.gql<{ createTeam: { id: string; ipWhitelist: unknown } }>(
      'mutation { createTeam(input: { name: "SRE", ipWhitelist: [{ name: "Home Whitelist", values: ["104.20.48.182"] }] }) { id ipWhitelist { name values } } }',
    );
    expect(created.errors).toBeUndefined();
    const t = created.data!.createTeam.id;
    expect(created.data!.createTeam.ipWhitelist).toEqual([{ name: 'Home Whitelist', values: ['104.20.48.182'] }]);
    const changed = await h.gql(
      'mutation ($t: ID!) { updateTeam(id: $t, input: { ipWhitelist: [{ name: "Multi Whitelist", values: ["104.20.49.0/24", "104.20.50.1"] }] }) { name ipWhitelist { name values } } }',
      { t },
    );
    expect(changed.data).toEqual({ updateTeam: { name: 'SRE', ipWhitelist: [{ name: 'Multi Whitelist', values: ['104.20.49.0/24', '104.20.50.1'] }] } });
    const renamed = await h.gql('mutation ($t: ID!) { updateTeam(id: $t, input: { name: "SRE 2" }) { ipWhitelist { name } } }', { t });
    expect(renamed.data).toEqual({ updateTeam: { ipWhitelist: [{ name: 'Multi Whitelist' }] } });
    const { result: refused, ns1 } = await countUpstreamCalls(h, () =>
      h.gql('mutation ($t: ID!) { updateTeam(id: $t, input: { ipWhitelist: [{ values: ["not-an-ip"] }] }) { id } }', { t }),
    );
    expect(refused.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.ipWhitelist[0].values[0]' });
    expect(ns1.total).toBe(0);
    const seeded = await h.gql<{ viewer: { ns1: { teams: Array<{ name: string; ipWhitelist: unknown }> } } }>(
      '{ viewer { ns1 { teams { name ipWhitelist { name values } } } } }',
    );
    expect(seeded.data?.viewer.ns1.teams.find((team) => team.name === 'Operations')?.ipWhitelist).toEqual([{ name: 'Office', values: ['198.51.100.0/24'] }]);
  });

  it('changes settings, warnings and plan, and manages payment methods', async () => {
    expect(
      (await h.gql('mutation { updateAccountSettings(input: { firstName: "Dana", address: { city: "Boston" } }) { firstName address { city state } } }')).data,
    ).toEqual({
      updateAccountSettings: { firstName: 'Dana', address: { city: 'Boston', state: 'NY' } },
    });
    expect((await h.gql('mutation { updateUsageWarnings(input: { queries: { warning1: 70 } }) { queries { warning1 warning2 } } }')).data).toEqual({
      updateUsageWarnings: { queries: { warning1: 70, warning2: 90 } },
    });
    const pro = await h.gql('mutation { changePlan(type: "pro", period: ANNUAL) { type period recurringCost balance locked monitoring { jobs } } }');
    expect(pro.errors).toBeUndefined();
    expect(pro.data).toEqual({
      changePlan: { type: 'pro', period: 'annual', recurringCost: '2400.00', balance: '2400.00', locked: true, monitoring: { jobs: 250 } },
    });
    const reviewed = await h.gql('mutation { changePlan(type: "business", period: QUARTERLY, notes: "from the gateway") { type } }');
    expect(reviewed.errors).toBeUndefined();
    expect(reviewed.data).toEqual({ changePlan: null });
    expect((await h.gql('{ viewer { ns1 { plan { type period } } } }')).data).toEqual({ viewer: { ns1: { plan: { type: 'pro', period: 'annual' } } } });
    const card = await h.gql<{ addPaymentMethod: { id: string } }>(
      'mutation { addPaymentMethod(input: { number: "4111 1111 1111 1111", expMonth: 12, expYear: 2099, name: "Dana" }) { id last4 isDefault } }',
    );
    expect(card.errors).toBeUndefined();
    const id = card.data!.addPaymentMethod.id;
    expect((await h.gql('mutation ($id: ID!) { setDefaultPaymentMethod(id: $id) { isDefault } }', { id })).data).toEqual({
      setDefaultPaymentMethod: { isDefault: true },
    });
    expect((await h.gql('mutation { deletePaymentMethod(id: "5a1b2c3d4e5f60718293a4b5") }')).data).toEqual({ deletePaymentMethod: true });
  });

  it('grants a new key, user or team only the flags given, though NS1 allows a flag that is left out', async () => {
    const read = '{ permissions { dns { viewZones manageZones } account { viewInvoices } monitoring { viewJobs } } }';
    const only = { permissions: { dns: { viewZones: true, manageZones: false }, account: { viewInvoices: false }, monitoring: { viewJobs: false } } };
    const key = await h.gql(`mutation { createApiKey(input: { name: "narrow", permissions: { dns: { viewZones: true } } }) { apiKey ${read} } }`);
    expect(key.data).toEqual({ createApiKey: { apiKey: only } });
    const user = await h.gql(
      `mutation { createUser(username: "narrow.user", input: { name: "N", email: "n@example.com", permissions: { dns: { viewZones: true } } }) ${read} }`,
    );
    expect(user.data).toEqual({ createUser: only });
    const team = await h.gql(`mutation { createTeam(input: { name: "narrow", permissions: { dns: { viewZones: true } } }) ${read} }`);
    expect(team.data).toEqual({ createTeam: only });
  });

  it('keeps the permission flags a change leaves out, for API keys, users and teams alike', async () => {
    const granted = '{ dns: { viewZones: true, zonesAllowByDefault: false, zonesAllow: ["example.com"] } }';
    const read = '{ permissions { dns { viewZones zonesAllow } account { viewInvoices } } }';
    const kept = { permissions: { dns: { viewZones: true, zonesAllow: ['example.com'] }, account: { viewInvoices: true } } };
    const key = await h.gql<{ createApiKey: { apiKey: { id: string } } }>(
      `mutation { createApiKey(input: { name: "keep", permissions: ${granted} }) { apiKey { id } } }`,
    );
    const keyId = key.data!.createApiKey.apiKey.id;
    const updatedKey = await h.gql(`mutation { updateApiKey(id: "${keyId}", input: { permissions: { account: { viewInvoices: true } } }) ${read} }`);
    expect(updatedKey.data).toEqual({ updateApiKey: kept });
    await h.gql(`mutation { createUser(username: "keep.user", input: { name: "Keep", email: "keep@example.com", permissions: ${granted} }) { username } }`);
    const updatedUser = await h.gql(`mutation { updateUser(username: "keep.user", input: { permissions: { account: { viewInvoices: true } } }) ${read} }`);
    expect(updatedUser.data).toEqual({ updateUser: kept });
    const team = await h.gql<{ createTeam: { id: string } }>(`mutation { createTeam(input: { name: "keepers", permissions: ${granted} }) { id } }`);
    const updatedTeam = await h.gql(
      `mutation { updateTeam(id: "${team.data!.createTeam.id}", input: { permissions: { account: { viewInvoices: true } } }) ${read} }`,
    );
    expect(updatedTeam.data).toEqual({ updateTeam: kept });
  });

  it('sets and reads back the IP whitelist of API keys and users, and refuses a value that is no address before calling NS1', async () => {
    const read = '{ ipWhitelist ipWhitelistStrict }';
    const key = await h.gql<{ createApiKey: { apiKey: { id: string; ipWhitelist: string[]; ipWhitelistStrict: boolean } } }>(
      `mutation { createApiKey(input: { name: "office", ipWhitelist: ["192.0.2.7", "198.51.100.0/24"], ipWhitelistStrict: true }) { apiKey { id ipWhitelist ipWhitelistStrict } } }`,
    );
    const { id, ...whitelist } = key.data!.createApiKey.apiKey;
    expect(whitelist).toEqual({ ipWhitelist: ['192.0.2.7', '198.51.100.0/24'], ipWhitelistStrict: true });
    expect((await h.gql(`{ viewer { ns1 { apiKey(id: "${id}") ${read} } } }`)).data).toEqual({ viewer: { ns1: { apiKey: whitelist } } });
    const relaxed = await h.gql(`mutation { updateApiKey(id: "${id}", input: { ipWhitelistStrict: false }) ${read} }`);
    expect(relaxed.data).toEqual({ updateApiKey: { ipWhitelist: ['192.0.2.7', '198.51.100.0/24'], ipWhitelistStrict: false } });
    const user = await h.gql(`mutation { updateUser(username: "bob", input: { ipWhitelist: ["2001:db8::/32"] }) ${read} }`);
    expect(user.data).toEqual({ updateUser: { ipWhitelist: ['2001:db8::/32'], ipWhitelistStrict: false } });
    const { result, ns1 } = await countUpstreamCalls(h, () =>
      h.gql(`mutation { updateApiKey(id: "${id}", input: { ipWhitelist: ["192.0.2.7", "office"] }) { id } }`),
    );
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.ipWhitelist[1]' });
    expect(ns1.total).toBe(0);
  });

  it('reads one payment method by id, and null for one the account does not have', async () => {
    const { data } = await h.gql(
      '{ viewer { ns1 { card: paymentMethod(id: "5a1b2c3d4e5f60718293a4b6") { brand last4 isDefault } none: paymentMethod(id: "ffffffffffffffffffffffff") { last4 } } } }',
    );
    expect(data).toEqual({ viewer: { ns1: { card: { brand: 'mastercard', last4: '4444', isDefault: false }, none: null } } });
  });

  it('shows the resource of an activity entry as it was then, its secrets masked', async () => {
    const created = await h.gql<{ createApiKey: { apiKey: { id: string }; secret: string } }>(
      'mutation { createApiKey(input: { name: "logged" }) { apiKey { id } secret } }',
    );
    const { id } = created.data!.createApiKey.apiKey;
    const { data } = await h.gql<{ viewer: { ns1: { activity: Array<{ resource: Record<string, unknown> | null }> } } }>(
      `{ viewer { ns1 { activity(resourceType: "apikey", resourceId: "${id}") { action resource } } } }`,
    );
    const [entry] = data!.viewer.ns1.activity;
    expect(entry).toMatchObject({ action: 'create', resource: { id, name: 'logged', key: '********' } });
    expect(JSON.stringify(data)).not.toContain(created.data!.createApiKey.secret);
  });

  it('adds a card with its holder and billing details as NS1 documents them, and makes another the default', async () => {
    const { data, errors } = await h.gql<{ addPaymentMethod: { id: string } }>(
      `mutation { addPaymentMethod(input: { number: "5215 8888 9999 4444", expMonth: 3, expYear: 2099, cvc: "123", firstName: "Joe", lastName: "Smith",
        company: "Joe Company", phone: "222-555-5555", address: { street: "20 Awesome Street", city: "New York", state: "NY", postalCode: "10005", country: "US" } })
        { id brand last4 expMonth expYear name firstName lastName company phone address { city postalCode country } isDefault } }`,
    );
    expect(errors).toBeUndefined();
    expect(data?.addPaymentMethod).toMatchObject({
      brand: 'mastercard',
      last4: '4444',
      expMonth: 3,
      expYear: 2099,
      name: 'Joe Smith',
      company: 'Joe Company',
      phone: '222-555-5555',
      address: { city: 'New York', postalCode: '10005', country: 'US' },
      isDefault: false,
    });
    const made = await h.gql(`mutation { setDefaultPaymentMethod(id: "${data!.addPaymentMethod.id}") { isDefault } }`);
    expect(made.data).toEqual({ setDefaultPaymentMethod: { isDefault: true } });
  });

  it('refuses bad input before calling NS1', async () => {
    for (const [mutation, field] of [
      ['mutation { addPaymentMethod(input: { number: "4111 1111 1111 1112", expMonth: 12, expYear: 2099 }) { id } }', 'input.number'],
      ['mutation { addPaymentMethod(input: { number: "4111111111111111", expMonth: 13, expYear: 2099 }) { id } }', 'expMonth'],
      ['mutation { createIpAllowList(input: { name: "x", values: ["300.1.1.1/8"] }) { id } }', 'input.values[0]'],
      ['mutation { createUser(username: "x y", input: { name: "X", email: "x@example.com" }) { username } }', 'username'],
      ['mutation { createUser(username: "xy", input: { name: "X", email: "not-an-email" }) { username } }', 'email'],
      ['mutation { updateUsageWarnings(input: { queries: { warning1: 150 } }) { queries { warning1 } } }', 'warning1'],
      ['mutation { updateUsageWarnings(input: { records: { warning1: 70, warning2: 60 } }) { records { warning1 } } }', 'input.records.warning1'],
      [`mutation { addPaymentMethod(input: { number: "4111111111111111", expMonth: 12, expYear: ${new Date().getUTCFullYear() - 1} }) { id } }`, 'expired'],
      ['mutation { createIpAllowList(input: { name: "empty" }) { id } }', 'input.values'],
      ['mutation { createNotificationList(input: { notifiers: [] }) { id } }', 'input.name'],
    ] as const) {
      const { result, ns1 } = await countUpstreamCalls(h, () => h.gql(mutation));
      expect(result.errors?.[0]?.extensions?.code, mutation).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message, mutation).toContain(field);
      expect(ns1.total, mutation).toBe(0);
    }
  });

  it('gives the read-only key FORBIDDEN on every write, naming the missing permission', async () => {
    const readOnly = { 'x-ns1-key': 'sandbox-ns1-readonly-key' };
    const writes: Array<[string, string]> = [
      ['mutation { createZone(input: { name: "ro.example", providers: [NS1] }) { name } }', 'dns.manage_zones'],
      [
        'mutation { createRecord(input: { zone: "example.com", domain: "ro.example.com", type: A, answers: [{ rdata: ["192.0.2.1"] }] }) { id } }',
        'dns.manage_zones',
      ],
      ['mutation { createDataSource(input: { name: "x", sourceType: "nsone_v1" }) { id } }', 'data.manage_datasources'],
      ['mutation { createDataFeed(sourceId: "a53252f9e583c6708331a1da", input: { name: "x", config: { label: "x" } }) { id } }', 'data.manage_datafeeds'],
      ['mutation { publishFeedData(sourceId: "a53252f9e583c6708331a1da", data: { up: false }) }', 'data.push_to_datafeeds'],
      ['mutation { createMonitorJob(input: { name: "x", jobType: PING, regions: ["lga"], config: { host: "h" } }) { id } }', 'monitoring.manage_jobs'],
      ['mutation { createNotificationList(input: { name: "x", notifiers: [] }) { id } }', 'monitoring.manage_lists'],
      ['mutation { updateAccountSettings(input: { firstName: "X" }) { firstName } }', 'account.manage_account_settings'],
      ['mutation { updateUsageWarnings(input: { queries: { warning1: 10 } }) { queries { warning1 } } }', 'account.manage_account_settings'],
      ['mutation { createUser(username: "xy", input: { name: "X", email: "x@example.com" }) { username } }', 'account.manage_users'],
      ['mutation { reinviteUser(username: "bob") }', 'account.manage_users'],
      ['mutation { createApiKey(input: { name: "x" }) { secret } }', 'account.manage_apikeys'],
      ['mutation { createTeam(input: { name: "x" }) { id } }', 'account.manage_teams'],
      ['mutation { createIpAllowList(input: { name: "x", values: ["192.0.2.1"] }) { id } }', 'account.manage_account_settings'],
      ['mutation { changePlan(type: "startup") { type } }', 'account.manage_plan'],
      ['mutation { addPaymentMethod(input: { number: "4111111111111111", expMonth: 1, expYear: 2099 }) { id } }', 'account.manage_payment_methods'],
      ['mutation { deletePaymentMethod(id: "5a1b2c3d4e5f60718293a4b6") }', 'account.manage_payment_methods'],
    ];
    for (const [mutation, permission] of writes) {
      const { errors } = await h.gql(mutation, undefined, readOnly);
      expect(errors?.[0], mutation).toMatchObject({
        message: `NS1: Forbidden: missing permission ${permission}`,
        extensions: { code: 'FORBIDDEN', provider: 'NS1' },
      });
    }
  });
});

describe('stats and Pulsar', () => {
  it('answers account QPS and usage', async () => {
    const { data, errors } = await h.gql<{ stats: { qps: number; usage: unknown[]; byZone: Array<{ zone: string }> } }>(
      '{ stats { qps usage(period: DAY, byTier: true) { queries recordsByTier } byZone: usage(expand: true) { zone queries } } }',
    );
    expect(errors).toBeUndefined();
    expect(data?.stats.qps).toBeGreaterThan(0);
    expect(data?.stats.usage).toHaveLength(1);
    expect(data?.stats.byZone.map((z) => z.zone)).toContain('example.com');
  });

  it('splits account usage by tier, each tier’s graph adding up to its queries', async () => {
    type Point = { at: string; queries: number };
    const { data, errors } = await h.gql<{
      stats: { usage: Array<{ queries: number; graph: Point[]; queriesByTier: number[]; graphByTier: Point[][] }>; plain: Array<{ graphByTier: null }> };
    }>(
      '{ stats { usage(period: DAY, byTier: true) { queries graph { at queries } queriesByTier graphByTier { at queries } } plain: usage { graphByTier { at } } } }',
    );
    expect(errors).toBeUndefined();
    const [usage] = data!.stats.usage;
    expect(usage?.graphByTier).toHaveLength(3);
    const sum = (points: Point[]) => points.reduce((n, p) => n + p.queries, 0);
    expect(usage?.graphByTier.map(sum)).toEqual(usage?.queriesByTier);
    const busy = usage?.graphByTier.find((g) => g.length > 0) ?? [];
    expect(busy.map((p) => p.at)).toEqual(usage?.graph.map((p) => p.at));
    expect(data!.stats.plain).toEqual([{ graphByTier: null }]);
  });

  it('lists Pulsar apps, jobs, live values by geo and data', async () => {
    const { data, errors } = await h.gql<{
      pulsar: {
        apps: Array<{ name: string; jobs: Array<{ name: string; live: Array<{ geo: string; region: string | null; value: number }>; data: unknown[] }> }>;
      };
    }>('{ pulsar { apps { id name jobs { id name live { geo region value } data(period: "1h", agg: "p95") { at value } } } app(id: "a1b2c3") { name } } }');
    expect(errors).toBeUndefined();
    expect(data?.pulsar.apps.map((a) => a.name)).toEqual(['www.example.com RUM', 'CDN comparison']);
    expect(data?.pulsar.apps[0]?.jobs[0]?.data).toHaveLength(12);
    const live = data?.pulsar.apps[0]?.jobs[0]?.live ?? [];
    expect(live).toContainEqual({ geo: 'US', region: null, value: expect.any(Number) });
    expect(live).toContainEqual({ geo: 'US', region: 'CA', value: expect.any(Number) });
    expect(live.every((l) => l.value > 0)).toBe(true);
  });

  it('reads one geo of a Pulsar job’s history, and none for a geo without measurements', async () => {
    const { data, errors } = await h.gql<{
      pulsar: { app: { jobs: Array<{ all: Array<{ value: number }>; japan: Array<{ value: number }>; nowhere: unknown[] }> } };
    }>(
      '{ pulsar { app(id: "a1b2c3") { jobs { all: data(period: "1h", geo: "*") { value } japan: data(period: "1h", geo: "JP") { value } nowhere: data(period: "1h", geo: "AQ") { value } } } } }',
    );
    expect(errors).toBeUndefined();
    const [job] = data?.pulsar.app.jobs ?? [];
    expect(job?.japan).toHaveLength(12);
    expect(job?.japan[0]?.value).toBeGreaterThan(job?.all[0]?.value ?? Infinity);
    expect(job?.nowhere).toEqual([]);
  });
});
