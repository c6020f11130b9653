import stableStringify from 'fast-json-stable-stringify';
import { getOperationAST, Kind, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { accessFingerprint } from '../auth/principal.js';
import type { Config } from '../config.js';
import type { GatewayContext } from '../context.js';
import { credentialsKeyOf } from '../request-credentials.js';
import { SharedStream, type Tap } from '../subscriptions/shared-stream.js';
import { SHAREABLE_SUBSCRIPTION_FIELDS } from '../subscriptions/shareable.js';

type Subscribe = (args: ExecutionArgs) => unknown;

/**
 * The tap of each subscription (by its context) that joined a shared run, for a transport that reads it only
 * when it is ready. By context, not request: a WebSocket's operations share their connection's request.
 */
const tapsOfContexts = new WeakMap<object, Tap<ExecutionResult>>();

/** The shared run's tap under a subscription's stream (by its context), when it joined one. */
export const sharedTapOf = (context: unknown): Tap<ExecutionResult> | undefined =>
  context && typeof context === 'object' ? tapsOfContexts.get(context) : undefined;
type Started = SharedStream<ExecutionResult> | ExecutionResult;

/**
 * Whether a shared result may go to a subscriber straight from its tap. Every per-event hook a subscription
 * passes (error masking, the errors metric, the access line's error codes, the tracing span's error mark)
 * acts on a result's errors alone, so a result without errors comes out of them as it went in, and nothing
 * is recorded: its transport takes it from the tap, and reads any other through the subscriber's own hooks.
 */
export const passesHooksUnchanged = (result: ExecutionResult): boolean => !result.errors?.length;

/** Whose data a subscription shows: the provider credentials in use and the scopes and zones the caller is granted. */
function sessions(config: Config): (context: GatewayContext) => string {
  const credentialsKey = credentialsKeyOf(config);
  // The context was built from these same headers, so they were accepted.
  return (context) => `${credentialsKey((context as unknown as { request: Request }).request.headers)}|${accessFingerprint(context.principal)}`;
}

/** The subscription's one root field, when every event of it is made from the poll event alone. */
function shareableField(document: DocumentNode, operationName: string | null | undefined): string | undefined {
  const operation = getOperationAST(document, operationName);
  const selections = operation?.selectionSet.selections;
  if (selections?.length !== 1 || selections[0]!.kind !== Kind.FIELD) return undefined;
  const name = selections[0]!.name.value;
  return SHAREABLE_SUBSCRIPTION_FIELDS.has(name) ? name : undefined;
}

/**
 * Runs a subscription once for every subscriber with the same document, operation, variables,
 * provider credentials and grants: each event is executed once and the same result object goes to
 * each of them (so it is serialized once, see `sharedSseResponse`). Every subscriber still passes
 * authentication, validation, limits and the other plugins' `onSubscribe` on its own; callers whose
 * credentials, scopes or zones differ never share a stream. Registered after every plugin that wraps
 * the subscribe function, so the shared run goes through theirs.
 */
export function useSharedSubscriptions(config: Config): Plugin {
  const streams = new Map<string, Promise<Started>>();
  const sessionOf = sessions(config);
  const documentIds = new WeakMap<DocumentNode, number>();
  let documents = 0;
  const documentId = (document: DocumentNode) => {
    let id = documentIds.get(document);
    if (id === undefined) documentIds.set(document, (id = ++documents));
    return id;
  };

  /** What subscribers share a run by: the document, operation, variables, credentials and grants. */
  const keyOf = ({ document, operationName, variableValues, contextValue }: ExecutionArgs): string =>
    `${documentId(document)}|${operationName ?? ''}|${stableStringify(variableValues ?? {})}|${sessionOf(contextValue as GatewayContext)}`;

  /** The first subscriber's run, under a signal of its own that aborts when the last subscriber leaves. */
  const start = (key: string, args: ExecutionArgs, subscribe: Subscribe): Promise<Started> => {
    const stopped = new AbortController();
    const contextValue = Object.create(args.contextValue as object, { signal: { value: stopped.signal } }) as GatewayContext;
    const forget = () => {
      if (streams.get(key) === started) streams.delete(key);
    };
    const started: Promise<Started> = Promise.resolve(subscribe({ ...args, contextValue })).then(
      (result) => {
        if (!isAsyncIterable(result)) {
          forget();
          return result as ExecutionResult;
        }
        let unshare = () => undefined as unknown;
        const shared = new SharedStream((result as AsyncIterable<ExecutionResult>)[Symbol.asyncIterator](), () => {
          forget();
          unshare();
          stopped.abort();
        });
        if (!shared.ended) unshare = contextValue.subscriptions.share(shared);
        return shared;
      },
      (error: unknown) => {
        forget();
        throw error;
      },
    );
    streams.set(key, started);
    return started;
  };

  const join = (key: string, args: ExecutionArgs, subscribe: Subscribe): Promise<Started | AsyncIterableIterator<ExecutionResult>> =>
    (streams.get(key) ?? start(key, args, subscribe)).then((started) => {
      if (!(started instanceof SharedStream)) return started;
      // Left by every subscriber before this one got to it: start again. Completed: its last event, then the end.
      if (started.ended && !started.completed) return join(key, args, subscribe);
      const context = args.contextValue as GatewayContext;
      const tap = started.tap(context.signal);
      tapsOfContexts.set(context, tap);
      return tap;
    });

  // Each subscriber's stream holds the subscribe function it was given for its whole life: one function serves
  // every subscription over the same inner subscribe (the usual case), and the key is made when it runs, not kept.
  let inner: Subscribe | undefined;
  let joining: Subscribe | undefined;
  const joiningOver = (subscribe: Subscribe): Subscribe => {
    if (subscribe !== inner) {
      inner = subscribe;
      joining = (args) => join(keyOf(args), args, subscribe);
    }
    return joining!;
  };

  return {
    onSubscribe({ args, subscribeFn, setSubscribeFn }) {
      const { contextValue, document, operationName } = args as ExecutionArgs;
      const context = contextValue as GatewayContext;
      if (!context.principal || !shareableField(document, operationName)) return;
      setSubscribeFn(joiningOver(subscribeFn as Subscribe));
    },
  };
}
