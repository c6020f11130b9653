import { getOperationAST, type DocumentNode, type ExecutionArgs, type ExecutionResult, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { defineLazily } from '../lazy-property.js';
import { callerSecrets } from '../logging/caller-secrets.js';
import { classifyError, levelFor, type ClassifiedError } from '../logging/classify-error.js';
import { REQUEST_ID_HEADER, requestIdOf } from '../logging/request-id.js';
import { markReported } from '../logging/reported-errors.js';
import type { Logger } from '../logger.js';
import type { OperationScope } from '../providers/operation-scope.js';
import { withEndOf } from '../subscriptions/shared-stream.js';
import { operationOf, type Operation } from './operation-of.js';

type UpstreamCalls = OperationScope['calls'];

/** When an HTTP request began, until its operation has an access line of its own: kept on the request, as its id is. */
const UNLOGGED = Symbol('dnsgraph.unloggedSince');
/** The operation a request's document runs, known once it validates. */
const VALIDATED = Symbol('dnsgraph.validatedOperation');
/** The operation name the request gave, for one answered before its document is read (a response-cache hit). */
const NAMED = Symbol('dnsgraph.operationName');
type Pending = Request & { [UNLOGGED]?: number | undefined; [VALIDATED]?: Operation; [NAMED]?: string | null | undefined };

/** The request's operation now has a line of its own, written or to be written when it ends. */
const logged = (request: Request): void => {
  const pending = request as Pending;
  if (pending[UNLOGGED] !== undefined) pending[UNLOGGED] = undefined;
};

/**
 * Writes access lines on `logger`, each stamped with its request's id and hiding the caller's credentials; `loggerFor`
 * is that request's logger, made once per request.
 */
export function accessLines(logger: Logger): { access: Access; loggerFor: (request: Request) => Logger } {
  const loggers = new WeakMap<Request, Logger>();
  const loggerFor = (request: Request): Logger => {
    let found = loggers.get(request);
    if (!found) {
      found = logger.child({ requestId: requestIdOf(request) }, { secrets: callerSecrets(request.headers) });
      loggers.set(request, found);
    }
    return found;
  };
  const access: Access = (request, operation, started, upstream, errors) => {
    errors.forEach(markReported);
    const classified: ClassifiedError[] = errors.map(classifyError);
    const level = levelFor(classified);
    if (!logger.isLevelEnabled(level)) return;
    const faults = classified.flatMap((e) => (e.detail ? [e.detail] : []));
    loggerFor(request)[level]('operation', {
      operation: operation.name,
      type: operation.type,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      upstream,
      ...(classified.length > 0 ? { errors: [...new Set(classified.map((e) => e.code))] } : {}),
      ...(faults.length > 0 ? { faults } : {}),
    });
  };
  return { access, loggerFor };
}

/**
 * Gives every request an id (the caller's `x-request-id`, or a new one), echoes it in the response,
 * hands resolvers a logger that stamps it on every line and hides the caller's credentials, and writes
 * one access line per operation: name, type, duration, upstream calls by provider and error codes, at
 * `info` when all went well or the caller erred, `warn` when a provider failed, `error` for a gateway fault.
 * An operation refused before it runs (while its context is built, by a trusted-documents or variables check,
 * or a syntax error) writes its line when its answer is sent, with the codes of that answer.
 */
export function useRequestLog(logger: Logger): Plugin<{ logger: Logger }> {
  const { access, loggerFor } = accessLines(logger);
  const requestOf = (context: unknown): Request | undefined => (context as { request?: Request }).request;
  const loggerOfContext = (context: object) => loggerFor(requestOf(context)!);

  return {
    onRequest: ({ request }) => {
      requestIdOf(request);
      (request as Pending)[UNLOGGED] = performance.now();
    },
    onParams: ({ request, params }) => {
      if (params.operationName) (request as Pending)[NAMED] = params.operationName;
    },
    onResponse: ({ request, response }) => {
      response.headers.set(REQUEST_ID_HEADER, requestIdOf(request));
    },
    onContextBuilding: ({ context }) => {
      // Made on first use: an operation that logs nothing of its own (most do not) costs no child logger, and
      // the context keeps no closure of its own to make it.
      if (requestOf(context)) defineLazily(context, 'logger', loggerOfContext);
    },
    onValidate: ({ context, params }) => {
      const started = performance.now();
      return ({ valid, result }) => {
        const request = requestOf(context);
        if (!request) return;
        if (valid) {
          const operationName = (context as { params?: { operationName?: string | null } }).params?.operationName;
          (request as Pending)[VALIDATED] = operationOf(params.documentAST as DocumentNode, operationName);
          return;
        }
        logged(request);
        const ast = getOperationAST(params.documentAST as DocumentNode, undefined);
        access(request, { name: ast?.name?.value ?? 'anonymous', type: ast?.operation ?? 'unknown' }, started, {}, result as readonly GraphQLError[]);
      };
    },
    onExecute: ({ args }) => observe(args),
    onSubscribe: ({ args }) => observe(args),
    // Every operation that ran or was refused in the GraphQL pipeline ends here; one with no line yet gets it now.
    onResultProcess: ({ request, result }) => {
      const pending = request as Pending;
      const started = pending[UNLOGGED];
      if (started === undefined || Symbol.asyncIterator in result) return;
      pending[UNLOGGED] = undefined;
      const errors = (Array.isArray(result) ? result : [result]).flatMap((r) => r.errors ?? []);
      access(request, pending[VALIDATED] ?? { name: pending[NAMED] ?? 'anonymous', type: 'unknown' }, started, {}, errors);
    },
  };

  function observe(args: ExecutionArgs) {
    const request = requestOf(args.contextValue);
    if (!request) return undefined;
    logged(request);
    // The provider clients of the operation count every request they send, retries included, in its scope.
    const upstream: UpstreamCalls = (args.contextValue as { scope?: OperationScope }).scope?.calls ?? {};
    const log = new OperationLog(request, operationOf(args.document, args.operationName), upstream, access);
    // One closure for the result and a failure alike: a subscription keeps its hooks for its whole life.
    const onDone = (payload: { result: ExecutionResult | AsyncIterable<ExecutionResult> } | { error: unknown }) =>
      'result' in payload ? log.done(payload.result) : log.fail(payload.error);
    return { onExecuteDone: onDone, onSubscribeResult: onDone, onSubscribeError: onDone };
  }
}

export type Access = (request: Request, operation: Operation, started: number, upstream: UpstreamCalls, errors: readonly unknown[]) => void;

/**
 * One operation's access line: written when its result is complete, or when its stream ends. A subscription
 * keeps it for its whole life, so it holds no more than the line needs, and its hooks are made only where used.
 */
class OperationLog {
  private readonly started = performance.now();
  private errors: unknown[] | undefined;

  constructor(
    private readonly request: Request,
    private readonly operation: Operation,
    private readonly upstream: UpstreamCalls,
    private readonly access: Access,
  ) {}

  done(result: ExecutionResult | AsyncIterable<ExecutionResult>) {
    if (!(Symbol.asyncIterator in result)) {
      this.collect(result);
      this.end();
      return undefined;
    }
    // Each event (a payload) and the end (none) in one closure; a shared run's tap ends the line itself, with no
    // iterator wrapped around the stream for it.
    const onStream = (payload?: { result: ExecutionResult }) => (payload ? this.collect(payload.result) : this.end());
    return withEndOf(result, onStream, { onNext: onStream });
  }

  fail(error: unknown): void {
    this.access(this.request, this.operation, this.started, this.upstream, [error]);
  }

  private end(): void {
    this.access(this.request, this.operation, this.started, this.upstream, this.errors ?? []);
  }

  private collect(result: ExecutionResult): void {
    if (result.errors) (this.errors ??= []).push(...result.errors);
  }
}
