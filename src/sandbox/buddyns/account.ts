import { json, SandboxHttpError, type Router } from '../kit/index.js';
import { readParams } from './params.js';
import type { BuddyState } from './state.js';

/** ITU-T E.123 international notation: +, country code, then digit groups separated by single spaces. */
const E123 = /^\+[1-9]\d{0,2}(?: \d{1,8}){1,5}$/;

function profileBody(state: BuddyState) {
  const { profile } = state.account;
  return {
    used_traffic: profile.usedTraffic,
    estimated_traffic: profile.estimatedTraffic,
    mobile_number: profile.mobileNumber,
    cpanel_integration: profile.cpanelIntegration,
  };
}

export function registerAccount(router: Router, state: () => BuddyState): void {
  router.get('/user/', () => json({ email: state().account.email }));

  router.get('/user/profile/', () => json(profileBody(state())));

  router.put('/user/profile/', async (req) => {
    const params = await readParams(req);
    const errors: Record<string, string[]> = {};
    const mobile = params.get('mobile_number');
    const cpanel = params.get('cpanel_integration');
    // A form PUT replaces the profile (Django REST framework): a missing field is required, or an unchecked box.
    if (mobile === null) errors.mobile_number = ['This field is required.'];
    else if (mobile !== '' && !E123.test(mobile.trim())) {
      errors.mobile_number = ['Enter a valid phone number in ITU-T E.123 international notation, e.g. +1 555 123 4567.'];
    }
    const cpanelText = cpanel === null ? 'false' : cpanel.toLowerCase();
    if (!['true', 'false', '1', '0', 'on', 'off'].includes(cpanelText)) {
      errors.cpanel_integration = ['Must be a valid boolean.'];
    }
    if (Object.keys(errors).length > 0) throw new SandboxHttpError(400, 'Bad request', errors);
    const { profile } = state().account;
    profile.mobileNumber = (mobile ?? '').trim();
    profile.cpanelIntegration = ['true', '1', 'on'].includes(cpanelText);
    return json(profileBody(state()));
  });

  // num_zones is the plan's allowance, as monitoring tools read it; the zones in use are the length of /zone/.
  router.get('/service/', () => {
    const { service } = state().account;
    return json({
      account_type: service.accountType,
      num_zones: service.zoneAllowance,
      traffic_quota: service.trafficQuota,
      num_stats: service.numStats,
    });
  });
}
