import { getOperationAST, type DocumentNode } from 'graphql';

export interface Operation {
  name: string;
  type: string;
}

const operations = new WeakMap<DocumentNode, Map<string | null | undefined, Operation>>();

/** The name and type of the operation a document runs; known per document, which yoga's parser cache hands out again. */
export function operationOf(document: DocumentNode, operationName: string | null | undefined): Operation {
  let byName = operations.get(document);
  if (!byName) {
    byName = new Map();
    operations.set(document, byName);
  }
  let operation = byName.get(operationName);
  if (!operation) {
    const ast = getOperationAST(document, operationName);
    operation = { name: ast?.name?.value ?? 'anonymous', type: ast?.operation ?? 'unknown' };
    byName.set(operationName, operation);
  }
  return operation;
}
