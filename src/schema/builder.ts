import SchemaBuilder from '@pothos/core';
import DirectivesPlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { auditPlugin } from '../audit/audit-plugin.js';
import { accessPlugin } from '../auth/access-plugin.js';
import { scopeAuthOptions, type ScopeFlags } from '../auth/scope-auth-options.js';
import type { GatewayContext } from '../context.js';
import { GatewayError } from '../errors/gateway-error.js';

export type Scalars = {
  DateTime: { Input: Date; Output: Date | string | number };
  JSON: { Input: unknown; Output: unknown };
  JSONObject: { Input: Record<string, unknown>; Output: Record<string, unknown> };
  IPv4: { Input: string; Output: string };
  IP: { Input: string; Output: string };
  EmailAddress: { Input: string; Output: string };
  DomainName: { Input: string; Output: string };
  Decimal: { Input: string; Output: string | number };
  File: { Input: File; Output: never };
};

export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  Scalars: Scalars;
  AuthScopes: ScopeFlags;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: false;
}>({
  // Audit outermost, so refused mutations are recorded too; access last, so the options it sets from the
  // access rules are in place before scope-auth and federation read them.
  plugins: [auditPlugin, ScopeAuthPlugin, DirectivesPlugin, ValidationPlugin, FederationPlugin, accessPlugin],
  scopeAuth: scopeAuthOptions,
  defaultFieldNullability: false,
  validation: {
    validationError: (failure) =>
      new GatewayError(
        'BAD_USER_INPUT',
        failure.issues
          .map((issue) => {
            const path = (issue.path ?? []).map((p) => (typeof p === 'object' ? String(p.key) : String(p))).join('.');
            return path ? `${path}: ${issue.message}` : issue.message;
          })
          .join('; '),
        { field: (failure.issues[0]?.path ?? []).map((p) => (typeof p === 'object' ? String(p.key) : String(p))).join('.') },
      ),
  },
});
