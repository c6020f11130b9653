import { builder } from '../builder.js';

builder.queryType({
  description:
    'Reads from NS1 and BuddyNS with the credentials of the request. A field that needs a provider without credentials fails with PROVIDER_NOT_CONFIGURED (viewer.ns1, viewer.buddyns and pulsar are null instead); zones and zone merge the providers that are configured.',
});

builder.mutationType({
  description:
    "Writes to NS1 and BuddyNS. Bad input is refused with BAD_USER_INPUT before any upstream call; a provider's refusal keeps its message and status.",
});

builder.subscriptionType({
  description:
    'Each field polls its provider on a shared poller: one upstream request per credential, resource and interval, however many clients subscribe. It emits the current value at once, then each change; a failed poll arrives as an error in the stream, which stays open.',
});
