import { TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Counter, Histogram, type Registry } from 'prom-client';
import { boundedOperationNames } from './metric-labels.js';

/** What a parsed document says about its operation, as the labels of its metrics read it. */
interface Parsed {
  /** The request's operation name, else the first definition's, else `Anonymous`. */
  operationName: string;
  operationType: string | undefined;
  labels?: { operationType: string; operationName: string };
}

type Labelled = (parsed: Parsed | null | undefined) => { operationType: string; operationName: string };

const isStream = (result: unknown): result is AsyncIterable<ExecutionResult> => typeof result === 'object' && result !== null && Symbol.asyncIterator in result;

/** The deprecated fields and arguments a document selects, with the type (or field, for an argument) they belong to. */
function deprecatedFieldsOf(document: DocumentNode, typeInfo: TypeInfo): Array<{ typeName: string; fieldName: string }> {
  const found: Array<{ typeName: string; fieldName: string }> = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument: () => {
        const argument = typeInfo.getArgument();
        const field = typeInfo.getFieldDef();
        if (field && argument?.deprecationReason != null) found.push({ fieldName: argument.name, typeName: field.name });
      },
      Field: () => {
        const field = typeInfo.getFieldDef();
        if (field?.deprecationReason != null) found.push({ fieldName: field.name, typeName: typeInfo.getParentType()?.name ?? '' });
      },
    }),
  );
  return found;
}

/**
 * `dnsgraph_graphql_operation_duration_seconds`, `dnsgraph_graphql_errors_total` and
 * `dnsgraph_graphql_deprecated_fields_total`, observed as the envelop Prometheus plugin did (the same
 * phases, labels and moments), with one record per operation and hooks shared by every request.
 */
export function useOperationMetrics(registry: Registry, schema: GraphQLSchema, deprecations: boolean, buckets: number[]): Plugin {
  const duration = new Histogram({
    name: 'dnsgraph_graphql_operation_duration_seconds',
    help: 'Time to run a GraphQL operation, from parse to result.',
    labelNames: ['operationType', 'operationName'],
    buckets,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'dnsgraph_graphql_errors_total',
    help: 'Errors in GraphQL results, by phase.',
    labelNames: ['operationType', 'operationName', 'phase'],
    registers: [registry],
  });
  const deprecated = new Counter({
    name: 'dnsgraph_graphql_deprecated_fields_total',
    help: 'Deprecated fields selected.',
    labelNames: ['operationName', 'typeName', 'fieldName'],
    registers: [registry],
  });
  // Finding deprecated fields walks each document with the schema's type info; a schema without any skips it.
  const typeInfo = deprecations ? new TypeInfo(schema) : undefined;
  const operationName = boundedOperationNames();
  const labelled: Labelled = (parsed) => {
    if (!parsed) return { operationType: 'unknown', operationName: operationName(undefined) };
    // Bounded on first use, not at parse time, so names count against the bound in the order they are observed.
    parsed.labels ??= { operationType: parsed.operationType ?? 'unknown', operationName: operationName(parsed.operationName) };
    return parsed.labels;
  };
  const countErrors = (parsed: Parsed, result: ExecutionResult) => {
    if (!result.errors?.length) return;
    const labels = labelled(parsed);
    const counter = errors.labels({ ...labels, phase: 'execute' });
    for (let i = 0; i < result.errors.length; i++) counter.inc();
  };

  // By context: the operation's document as parsed, or null when it did not parse.
  const operations = new WeakMap<object, Parsed | null>();
  const afterParse = ({ result, context }: { result: unknown; context: object }) => {
    if (result === null || result instanceof Error) {
      operations.set(context, null);
      errors.labels({ ...labelled(null), phase: 'parse' }).inc();
      return;
    }
    const document = result as DocumentNode;
    const first = document.definitions[0] as OperationDefinitionNode | undefined;
    const requested = (context as { params?: { operationName?: string | null } }).params?.operationName;
    const parsed: Parsed = { operationName: requested || first?.name?.value || 'Anonymous', operationType: first?.operation };
    operations.set(context, parsed);
    if (typeInfo) {
      for (const field of deprecatedFieldsOf(document, typeInfo))
        deprecated.labels({ operationName: operationName(parsed.operationName), typeName: field.typeName, fieldName: field.fieldName }).inc();
    }
  };
  const afterValidate = ({ valid, context }: { valid: boolean; context: object }) => {
    if (!valid) errors.labels({ ...labelled(operations.get(context)), phase: 'validate' }).inc();
  };

  /** One operation's results: errors counted as each arrives, the duration once the last has. */
  class Run {
    private readonly started = Date.now();

    constructor(private readonly parsed: Parsed) {}

    readonly done = ({ result }: { result: ExecutionResult | AsyncIterable<ExecutionResult> }) => {
      if (isStream(result)) return { onNext: this.next, onEnd: this.end };
      countErrors(this.parsed, result);
      this.end();
      return undefined;
    };

    readonly failed = () => {
      errors.labels({ ...labelled(this.parsed), phase: 'execute' }).inc();
    };

    private readonly next = ({ result }: { result: ExecutionResult }) => countErrors(this.parsed, result);

    private readonly end = () => duration.observe(labelled(this.parsed), (Date.now() - this.started) / 1000);
  }

  return {
    onPluginInit: ({ registerContextErrorHandler }) => {
      registerContextErrorHandler(({ context }) => {
        errors.labels({ ...labelled(operations.get(context)), phase: 'context' }).inc();
      });
    },
    onParse: () => afterParse,
    onValidate: ({ context }) => (operations.get(context) ? afterValidate : undefined),
    onExecute: ({ args }) => {
      const parsed = operations.get(args.contextValue);
      if (!parsed) return undefined;
      return { onExecuteDone: new Run(parsed).done };
    },
    onSubscribe: ({ args }) => {
      const parsed = operations.get(args.contextValue);
      if (!parsed) return undefined;
      const run = new Run(parsed);
      return { onSubscribeResult: run.done, onSubscribeError: run.failed };
    },
  };
}
