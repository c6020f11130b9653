import { setMaxListeners } from 'node:events';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { GraphQLError, type DocumentNode, type ExecutionArgs, type FormattedExecutionResult, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { OperationResult } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { WebSocket } from 'ws';
import { WebSocketServer } from 'ws';
import { isAsyncIterable } from 'graphql-yoga';
import { WEBSOCKET_TRANSPORT } from '../context.js';
import { badInput } from '../errors/gateway-error.js';
import { operationOf } from '../plugins/operation-of.js';
import { accessLines } from '../plugins/use-request-log.js';
import { passesHooksUnchanged, sharedTapOf } from '../plugins/use-shared-subscriptions.js';
import { REQUEST_CREDENTIAL_HEADERS } from '../request-credentials.js';
import type { Gateway } from '../yoga.js';
import { publicError, publicResult } from './public-result.js';
import { webSocketAdmission } from './ws-admission.js';
import { refusalOf, settle } from './ws-refusal.js';
import { createSocketAuth } from './ws-auth.js';
import { sharedNextMessages } from './ws-shared-next.js';

/** What the enveloped execute and subscribe travel in, as the graphql-ws recipe for yoga has it. */
interface EnvelopedRoot {
  execute(args: ExecutionArgs): OperationResult;
  subscribe(args: ExecutionArgs): OperationResult;
  /** The operation's socket and id, for the `next` messages of a shared run this transport writes itself. */
  socket: WebSocket;
  /** The connection the socket speaks over: the upgrade request's. */
  connection: Duplex;
  id: string;
}

const CREDENTIAL_HEADERS: readonly string[] = Object.values(REQUEST_CREDENTIAL_HEADERS);
/** Headers of the upgrade itself, which mean nothing to a GraphQL operation. */
const UPGRADE_HEADERS = /^(connection|upgrade|sec-websocket-.*)$/i;

export interface WebSocketTransport {
  /** Closes every socket (ending its subscriptions) and stops accepting new ones. */
  close(): Promise<void>;
}

/**
 * A browser cannot set headers on a WebSocket, so credential headers may come in the connection
 * params instead, at the top level or under `headers`; those override the upgrade request's.
 */
function credentialHeaders(connectionParams: Readonly<Record<string, unknown>> | undefined): Array<[string, string]> {
  const nested = connectionParams?.headers;
  const sources = [connectionParams ?? {}, nested && typeof nested === 'object' ? (nested as Record<string, unknown>) : {}];
  return sources.flatMap((source) =>
    Object.entries(source).flatMap(([name, value]): Array<[string, string]> => {
      if (typeof value !== 'string' || !CREDENTIAL_HEADERS.includes(name.toLowerCase())) return [];
      // Named, never quoted: the value is a credential.
      if (NOT_A_HEADER_VALUE.test(value))
        throw badInput(`connectionParams.${name}`, 'is not a valid header value (line breaks, NUL and characters past U+00FF are not)');
      return [[name.toLowerCase(), value]];
    }),
  );
}

/** What no HTTP header value may hold, so neither may a credential sent in its place. */
// eslint-disable-next-line no-control-regex -- the control characters are what is refused
const NOT_A_HEADER_VALUE = /[\0\r\n]|[^\u0000-\u00ff]/;

/** The socket's upgrade request as the Fetch Request yoga's context expects, aborted when the socket closes. */
function requestOf(upgrade: IncomingMessage, connectionParams: Readonly<Record<string, unknown>> | undefined, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(upgrade.headers)) {
    if (value === undefined || UPGRADE_HEADERS.test(name)) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  for (const [name, value] of credentialHeaders(connectionParams)) headers.set(name, value);
  // A socket's operations, mutations among them, are sent in messages, as a POST sends them in its body: as a GET,
  // yoga would refuse every mutation.
  return new Request(upgradeUrl(upgrade), { method: 'POST', headers, signal });
}

const upgradeUrl = (upgrade: IncomingMessage): string => `http://${upgrade.headers.host ?? 'localhost'}${upgrade.url ?? '/graphql'}`;

/**
 * One Request per socket, shared by all its operations: its headers and connection params are fixed once the
 * connection is acknowledged, and a subscription holds it for its whole life, so one per subscription would
 * cost each of thousands of subscribers a Request, Headers, URL and abort signal of its own.
 */
const socketRequests = new WeakMap<WebSocket, Request>();

function connectionRequestOf(socket: WebSocket, upgrade: IncomingMessage, connectionParams: Readonly<Record<string, unknown>> | undefined): Request {
  let request = socketRequests.get(socket);
  if (!request) {
    const controller = new AbortController();
    // One socket carries any number of subscriptions, each listening on this signal.
    setMaxListeners(0, controller.signal);
    socket.once('close', () => controller.abort());
    request = requestOf(upgrade, connectionParams, controller.signal);
    // The request follows the controller's signal with a signal of its own, which is the one its operations listen on.
    setMaxListeners(0, request.signal);
    socketRequests.set(socket, request);
  }
  return request;
}

/**
 * With trusted documents a subscribe message may carry a `documentId` and no `query`, as a POST may: graphql-ws
 * would refuse such a message and close the socket, so its payload is given an empty `query` as it is read.
 */
function documentIdOnly(this: unknown, key: string, value: unknown): unknown {
  if (key !== 'payload' || (this as { type?: unknown }).type !== 'subscribe' || value === null || typeof value !== 'object') return value;
  const payload = value as { query?: unknown; documentId?: unknown };
  return typeof payload.documentId === 'string' && payload.query === undefined ? { ...payload, query: '' } : value;
}

/**
 * The `graphql-transport-ws` protocol on the gateway's own HTTP server and `/graphql` path, through
 * yoga's envelop: the same schema, plugins, error masking and per-request credentials as HTTP and SSE.
 */
export function attachWebSocketTransport(server: Server, gateway: Gateway): WebSocketTransport {
  const admission = webSocketAdmission(gateway.config.exposure, gateway.trustedDocuments, gateway.metrics.countRefusal);
  // A message is bounded as a request body is: past MAX_BODY_BYTES the socket closes with 1009 before the message is read whole.
  const sockets = new WebSocketServer({ server, path: '/graphql', verifyClient: admission.verifyUpgrade, maxPayload: gateway.config.exposure.maxBodyBytes });
  const auth = createSocketAuth(gateway);
  // A refused or failed operation answers an error for that operation; the socket and its other operations go on.
  const refusal = refusalOf(gateway);
  // An operation that never runs writes its access line here; one that runs, or fails validation, writes it in `useRequestLog`.
  const { access } = accessLines(gateway.logger);
  const protocol = useServer(
    {
      ...(gateway.trustedDocuments ? { jsonMessageReviver: documentIdOnly } : {}),
      onConnect: (ctx) => auth.onConnect(ctx),
      // Errors and results as yoga writes them over HTTP: without the `http` extension, which is for the server alone.
      onError: (_ctx, _id, _payload, errors) => errors.map(publicError) as GraphQLFormattedError[],
      onNext: (_ctx, _id, _payload, _args, result) => publicResult(result) as FormattedExecutionResult,
      execute: (args) => settle(() => (args.rootValue as EnvelopedRoot).execute(args), refusal),
      // A shared run's results without errors are written by `sharedNextMessages`, past graphql-ws: an `onNext` hook here would not see them.
      subscribe: async (args) => {
        const root = args.rootValue as EnvelopedRoot;
        const result = await settle(() => root.subscribe(args), refusal);
        const tap = sharedTapOf(args.contextValue);
        return tap && isAsyncIterable(result) ? sharedNextMessages(result, tap, root.socket, root.connection, root.id, passesHooksUnchanged) : result;
      },
      onSubscribe: async (ctx, id, received) => {
        const { socket, request: upgrade } = ctx.extra;
        const started = performance.now();
        const refusedOperation = { name: received.operationName ?? 'anonymous', type: 'unknown' };
        let request: Request;
        try {
          request = connectionRequestOf(socket, upgrade, ctx.connectionParams);
        } catch (error) {
          const refused = refusal(error);
          // No request carries the socket's credentials: the line is written for its upgrade alone.
          access(new Request(upgradeUrl(upgrade), { method: 'POST' }), refusedOperation, started, {}, [refused]);
          return [refused];
        }
        const payload = admission.admit(received);
        if (Array.isArray(payload)) {
          access(request, refusedOperation, started, {}, payload);
          return payload;
        }
        const enveloped = gateway.yoga.getEnveloped({
          request,
          params: payload,
          req: upgrade,
          socket,
          transport: WEBSOCKET_TRANSPORT,
          principal: auth.principalOf(socket),
        });
        const { execute, subscribe, contextFactory, parse, validate } = enveloped;
        const schema = enveloped.schema as GraphQLSchema;
        let document: DocumentNode;
        try {
          document = parse(payload.query) as DocumentNode;
        } catch (error) {
          const refused = error instanceof GraphQLError ? error : new GraphQLError(String(error));
          access(request, { name: payload.operationName ?? 'anonymous', type: 'unknown' }, started, {}, [refused]);
          return [refused];
        }
        const errors = validate(schema, document) as readonly GraphQLError[];
        if (errors.length > 0) return errors;
        let contextValue: unknown;
        try {
          contextValue = await contextFactory();
        } catch (error) {
          const refused = refusal(error);
          access(request, operationOf(document, payload.operationName), started, {}, [refused]);
          return [refused];
        }
        const root: EnvelopedRoot = { execute, subscribe, socket, connection: upgrade.socket, id };
        return { schema, operationName: payload.operationName, document, variableValues: payload.variables, contextValue, rootValue: root };
      },
    },
    sockets,
  );
  // graphql-ws prints a socket's errors to the console; they go to the gateway's log instead. A message past the
  // limit is the client's doing, and `ws` has already closed the socket with 1009 for it.
  sockets.on('connection', (socket: WebSocket) => {
    socket.removeAllListeners('error');
    socket.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
        gateway.metrics.countRefusal('body_too_large');
        return gateway.logger.info('websocket message past MAX_BODY_BYTES refused', { code: 'PAYLOAD_TOO_LARGE' });
      }
      gateway.logger.error('websocket socket failed', { error: error.message });
      socket.close(1011, 'Internal server error');
    });
  });
  return {
    // Closes every socket with 1001 Going Away and waits until they have closed.
    close: async () => {
      await protocol.dispose();
    },
  };
}
