import type { DocumentNode, GraphQLSchema, Source, ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';

/** A document's validation, and what it was validated against. */
interface Validation {
  schema: GraphQLSchema;
  rules: readonly ValidationRule[];
  errors: readonly Error[];
}

/** What a validation is asked with. */
interface ValidationParams {
  schema: GraphQLSchema;
  documentAST: DocumentNode;
  rules?: readonly ValidationRule[];
}

/**
 * The same rules in the same order: the same functions, or functions of the same name, since some plugins (the
 * armor limits) make their rule afresh for every request from the same options.
 */
function sameRules(known: readonly ValidationRule[], rules: readonly ValidationRule[] | undefined): boolean {
  const current = rules ?? [];
  if (known.length !== current.length) return false;
  for (let i = 0; i < known.length; i++) if (known[i] !== current[i] && known[i]!.name !== current[i]!.name) return false;
  return true;
}

/**
 * Parsed documents by their text, kept by recent use alone, and each document's validation kept beside it,
 * reused while the schema and the rules are those it was made with. It stands in for yoga's own caches, which
 * expire documents after an hour (checking the age starts a timer on the first lookup of every millisecond) and
 * key each validation by its rules' names joined into a string on every request. Placed after every plugin that
 * adds validation rules, so that it sees them all.
 */
export function useDocumentCache(max = 1024): Plugin {
  const documents = new LRUCache<string, DocumentNode>({ max });
  const parseErrors = new LRUCache<string, Error>({ max });
  const validations = new WeakMap<DocumentNode, Validation>();
  return {
    onParse({ params, setParsedDocument }) {
      const { source } = params as { source: string | Source };
      const text = typeof source === 'string' ? source : source.body;
      const document = documents.get(text);
      if (document) return setParsedDocument(document);
      const error = parseErrors.get(text);
      if (error) throw error;
      return ({ result }: { result: DocumentNode | Error | null }) => {
        if (result instanceof Error) parseErrors.set(text, result);
        else if (result) documents.set(text, result);
      };
    },
    onValidate({ params, setResult }) {
      const { schema, documentAST, rules } = params as ValidationParams;
      const known = validations.get(documentAST);
      if (known && known.schema === schema && sameRules(known.rules, rules)) return setResult(known.errors);
      return ({ result }: { result: readonly Error[] }) => {
        validations.set(documentAST, { schema, rules: rules ?? [], errors: result });
      };
    },
  };
}
