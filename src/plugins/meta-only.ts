import { Kind, type DocumentNode, type SelectionSetNode } from 'graphql';

const META_FIELDS = new Set(['__typename', '__schema', '__type']);

const known = new WeakMap<DocumentNode, boolean>();

function metaOnly(selections: SelectionSetNode, document: DocumentNode, seen: Set<string>): boolean {
  return selections.selections.every((selection) => {
    if (selection.kind === Kind.FIELD) return META_FIELDS.has(selection.name.value);
    if (selection.kind === Kind.INLINE_FRAGMENT) return metaOnly(selection.selectionSet, document, seen);
    const name = selection.name.value;
    if (seen.has(name)) return true;
    seen.add(name);
    const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === name);
    return fragment?.kind === Kind.FRAGMENT_DEFINITION && metaOnly(fragment.selectionSet, document, seen);
  });
}

/**
 * Whether every operation of a document asks for nothing but `__typename` and introspection at its root
 * (a health probe's `{ __typename }`, GraphiQL's schema query): such an operation runs no resolver of
 * the gateway, so it makes no upstream call and needs no deadline or call count. Known per document,
 * which yoga's parser cache hands out again for the same query text.
 */
export function metaOnlyDocument(document: DocumentNode): boolean {
  let answer = known.get(document);
  if (answer === undefined) {
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    answer = operations.length > 0 && operations.every((operation) => metaOnly(operation.selectionSet, document, new Set()));
    known.set(document, answer);
  }
  return answer;
}
