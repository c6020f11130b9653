import { useDeferStream as yogaDeferStream } from '@graphql-yoga/plugin-defer-stream';
import { OverlappingFieldsCanBeMergedRule, type validate, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

type Validate = typeof validate;

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
  return {
    onSchemaChange: yoga.onSchemaChange,
    onValidate({ validateFn, setValidationFn, addValidationRule }) {
      for (const rule of rules) addValidationRule(rule);
      setValidationFn(standInFor(validateFn));
    },
  };
}
