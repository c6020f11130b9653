import type { RunningSandbox } from './kit/index.js';
import { buddyNsSandboxCredentials } from './buddyns/index.js';
import { NS1_TRANSFER_ADDRESS, ns1SandboxKeys } from './ns1/index.js';

type Located = Pick<RunningSandbox, 'baseUrl'>;

/** Where a gateway finds the running sandboxes, and the demo admin credentials it uses there. */
export function sandboxUpstreams(ns1: Located, buddyns: Located, ns1TransferAddress: string = NS1_TRANSFER_ADDRESS) {
  return {
    ns1: { endpoint: ns1.baseUrl, apiKey: ns1SandboxKeys().admin, transferAddress: ns1TransferAddress },
    buddyns: { endpoint: buddyns.baseUrl, token: buddyNsSandboxCredentials().token },
  };
}
