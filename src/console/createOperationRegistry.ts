import { createHash } from 'node:crypto';

/** Registered (trusted) operations: id ↔ document. */
export interface OperationRegistry {
  /** Operation name → id (lower-case hex sha256 of the document), as the console is given them. */
  readonly idsByName: Readonly<Record<string, string>>;
  /** The document of a registered id, or undefined. */
  documentOf(id: string): string | undefined;
  /** Whether this exact document text is registered. */
  isRegistered(document: string): boolean;
}

/** sha256 of a document as lower-case hex: the id Apollo's persisted-query protocol uses. */
export function operationId(document: string): string {
  return createHash('sha256').update(document).digest('hex');
}

/** Builds the registry of `operations` (name → document); ids are the documents' sha256. Pure. */
export function createOperationRegistry(operations: Readonly<Record<string, string>>): OperationRegistry {
  const byId = new Map<string, string>();
  const documents = new Set<string>();
  const idsByName: Record<string, string> = {};
  for (const [name, document] of Object.entries(operations)) {
    const id = operationId(document);
    byId.set(id, document);
    documents.add(document);
    idsByName[name] = id;
  }
  return {
    idsByName,
    documentOf: (id) => byId.get(id),
    // The text itself, not its hash: asked on every request that sends a query (issue 17: a sha256 per request).
    isRegistered: (document) => documents.has(document),
  };
}
