import { useDeferStream as yogaDeferStream } from '@graphql-yoga/plugin-defer-stream';
import { OverlappingFieldsCanBeMergedRule, type GraphQLError, type validate, type ValidationRule } from 'graphql';
import { handleStreamOrSingleExecutionResult, type Plugin } from 'graphql-yoga';
import { createMaskError } from './mask-error.js';

type Validate = typeof validate;

/** The later parts of an incremental answer, which carry errors of their own (`incremental`, and `completed` in newer drafts). */
interface IncrementalPayload {
  incremental?: Array<{ errors?: readonly GraphQLError[] }>;
  completed?: Array<{ errors?: readonly GraphQLError[] }>;
}

type Mask = ReturnType<typeof createMaskError>;

const masked = <T extends { errors?: readonly GraphQLError[] }>(parts: T[] | undefined, mask: Mask): T[] | undefined =>
  parts?.map((part) => (part.errors?.length ? { ...part, errors: part.errors.map((error) => mask(error, 'Unexpected error.') as GraphQLError) } : part));

/**
 * yoga masks the errors of an answer's first part only: a deferred or streamed part's errors would reach the client as
 * thrown, without their code, provider or status, and an internal fault with its own message. They get the same mask.
 */
function maskIncrementalErrors(result: IncrementalPayload, mask: Mask): IncrementalPayload {
  const hasErrors = (parts: IncrementalPayload['incremental']) => parts?.some((part) => part.errors?.length);
  if (!hasErrors(result.incremental) && !hasErrors(result.completed)) return result;
  return {
    ...result,
    ...(result.incremental ? { incremental: masked(result.incremental, mask) } : {}),
    ...(result.completed ? { completed: masked(result.completed, mask) } : {}),
  };
}

/** The rules yoga's plugin adds to every validation, asked of it once. */
function rulesAddedBy(plugin: ReturnType<typeof yogaDeferStream>): ValidationRule[] {
  const added: ValidationRule[] = [];
  const onValidate = plugin.onValidate as ((payload: unknown) => void) | undefined;
  onValidate?.({ params: { rules: [] }, addValidationRule: (rule: ValidationRule) => added.push(rule) });
  return added;
}

/**
 * `@defer` and `@stream`: yoga's plugin adds the directives to the schema and its own rules to validation, among
 * them an overlapping-fields rule that knows `@stream`. It means that rule to stand in for graphql-js's, but the
 * list it filters is a copy that validation never sees, so both ran and a conflict was reported twice; and it
 * filtered the forty rules by name on every request, validated or not. Here the rules are taken from it once,
 * and graphql-js's own rule is left out of the validations that actually run.
 */
export function useDeferStream(): Plugin {
  const yoga = yogaDeferStream();
  const rules = rulesAddedBy(yoga);
  const standIns = new WeakMap<Validate, Validate>();
  const standInFor = (validateFn: Validate): Validate => {
    let standIn = standIns.get(validateFn);
    if (!standIn) {
      standIn = (schema, document, given, ...rest) =>
        validateFn(
          schema,
          document,
          given?.filter((rule) => rule !== OverlappingFieldsCanBeMergedRule),
          ...rest,
        );
      standIns.set(validateFn, standIn);
    }
    return standIn;
  };
  const mask = createMaskError();
  return {
    onSchemaChange: yoga.onSchemaChange,
    onExecute() {
      return {
        onExecuteDone: (payload) =>
          handleStreamOrSingleExecutionResult(payload, ({ result, setResult }) => {
            const maskedResult = maskIncrementalErrors(result as IncrementalPayload, mask);
            if (maskedResult !== result) setResult(maskedResult as typeof result);
          }),
      };
    },
    onValidate({ validateFn, setValidationFn, addValidationRule }) {
      for (const rule of rules) addValidationRule(rule);
      setValidationFn(standInFor(validateFn));
    },
  };
}
