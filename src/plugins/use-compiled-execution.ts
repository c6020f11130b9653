import {
  getLocation,
  GraphQLError,
  Kind,
  visit,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
  type SourceLocation,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';

type Execute = (args: ExecutionArgs) => unknown;

/**
 * A document's operations by name ('' for the only one): how often one has run while not compiled yet, then
 * its compiled form, or `false` where only the standard executor will do.
 */
type Compiled = Map<string, number | CompiledOperation | false>;

interface CompiledOperation {
  query: CompiledQuery;
  document: DocumentNode;
  /** The document's fields by where they start, to give errors the nodes graphql-js would. Built on the first error. */
  fieldsAt?: Map<string, FieldNode>;
}

/** Directives graphql-jit does not implement: their documents run on the standard executor. */
const INCREMENTAL = new Set(['defer', 'stream']);

function incremental(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Directive(node) {
      if (INCREMENTAL.has(node.name.value)) found = true;
    },
  });
  return found;
}

const keyOf = (location: SourceLocation): string => `${location.line}:${location.column}`;

function fieldsOf(document: DocumentNode): Map<string, FieldNode> {
  const fields = new Map<string, FieldNode>();
  visit(document, {
    [Kind.FIELD](node: FieldNode) {
      if (node.loc) fields.set(keyOf(getLocation(node.loc.source, node.loc.start)), node);
    },
  });
  return fields;
}

/**
 * graphql-jit's errors carry locations but not the nodes they came from, which error masking and yoga's
 * serialisation rebuild errors from: each becomes the GraphQLError graphql-js would have raised, with its
 * nodes, path, original error and extensions.
 */
function withNodes(result: ExecutionResult, operation: CompiledOperation): ExecutionResult {
  if (!result.errors?.length) return result;
  const errors = result.errors.map((error) => {
    if (error.nodes) return error;
    operation.fieldsAt ??= fieldsOf(operation.document);
    const nodes = (error.locations ?? []).map((location) => operation.fieldsAt!.get(keyOf(location))).filter((node) => node !== undefined);
    return new GraphQLError(error.message, {
      ...(nodes.length > 0 ? { nodes } : {}),
      ...(error.path ? { path: error.path } : {}),
      ...(error.originalError ? { originalError: error.originalError } : {}),
      ...(error.extensions ? { extensions: error.extensions } : {}),
    });
  });
  return { ...result, errors };
}

/**
 * Runs queries and mutations as code compiled once per document and operation (graphql-jit), rather than
 * interpreting the document field by field on every request: a dashboard of hundreds of fields allocates and
 * costs far less. Subscriptions, `@defer`/`@stream` and what graphql-jit cannot compile run on the standard
 * executor, as do operations whose variables it refuses, so such errors read exactly as graphql-js words them.
 * An operation is compiled when it runs for the `compileAfterRuns`th time: one asked once (a query typed in
 * GraphiQL, a flood of distinct documents) never pays for a compilation, which costs more than one standard run.
 * At most `maxDocuments` documents are remembered, the least recently run forgotten first.
 *
 * First among the plugins: those that wrap the execute function (response cache, tracing) then wrap this one.
 */
export function useCompiledExecution({ maxDocuments = 1000, compileAfterRuns = 2 } = {}): Plugin {
  const cache = new LRUCache<DocumentNode, Compiled>({ max: maxDocuments });

  function compiledFor(args: ExecutionArgs): CompiledOperation | undefined {
    const name = args.operationName ?? '';
    let byName = cache.get(args.document);
    if (!byName) {
      byName = new Map();
      cache.set(args.document, byName);
    }
    const operation = byName.get(name) ?? 0;
    if (typeof operation !== 'number') return operation || undefined;
    if (operation + 1 < compileAfterRuns) {
      byName.set(name, operation + 1);
      return undefined;
    }
    const query = incremental(args.document) ? undefined : compileQuery(args.schema, args.document, args.operationName ?? undefined);
    const compiled = query && isCompiledQuery(query) ? { query, document: args.document } : false;
    byName.set(name, compiled);
    return compiled || undefined;
  }

  const run = (args: ExecutionArgs, standard: Execute): unknown => {
    const operation = compiledFor(args);
    if (!operation) return standard(args);
    // No `data` at all: the variables were refused before anything ran.
    const finish = (result: ExecutionResult) => ('data' in result ? withNodes(result, operation) : standard(args));
    const result = operation.query.query(args.rootValue, args.contextValue, args.variableValues);
    return result instanceof Promise ? result.then(finish) : finish(result);
  };

  return {
    onExecute({ executeFn, setExecuteFn }) {
      const standard = executeFn as Execute;
      setExecuteFn(((args: ExecutionArgs) => run(args, standard)) as typeof executeFn);
    },
  };
}
