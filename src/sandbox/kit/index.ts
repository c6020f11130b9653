export { SandboxClock } from './clock.js';
export { SandboxControlClient } from './control-client.js';
export { FaultInjector, type FaultSpec } from './faults.js';
export { SandboxHttpError } from './http-error.js';
export { SandboxRateLimiter } from './rate-limiter.js';
export { RequestLog, type LoggedRequest } from './request-log.js';
export { Router, type Handler } from './router.js';
export { startSandbox, type RunningSandbox, type SandboxDefinition, type StartOptions } from './server.js';
export { json, noContent, type SandboxRequest, type SandboxResponse } from './types.js';
