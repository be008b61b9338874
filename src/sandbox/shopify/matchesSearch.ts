import type { SearchComparator, SearchNode } from './parseSearchQuery.js';

/** One `field:value` term, as handed to a record-specific matcher. */
export type SearchTerm = Extract<SearchNode, { kind: 'term' }>;

/** Evaluates a parsed query against one record; `null` (empty query) matches everything. */
export function matchesSearch(node: SearchNode | null, termMatches: (term: SearchTerm) => boolean): boolean {
  if (node === null) return true;
  switch (node.kind) {
    case 'term':
      return termMatches(node);
    case 'not':
      return !matchesSearch(node.child, termMatches);
    case 'and':
      return node.children.every((child) => matchesSearch(child, termMatches));
    case 'or':
      return node.children.some((child) => matchesSearch(child, termMatches));
    default: {
      const unreachable: never = node;
      return unreachable;
    }
  }
}

/**
 * Case-insensitive text comparison, trimmed; a value ending in `*` is a prefix match (Shopify's prefix
 * search). Null data never matches.
 */
export function textMatches(data: string | null | undefined, value: string): boolean {
  if (data == null) return false;
  const have = data.trim().toLowerCase();
  const want = value.trim().toLowerCase();
  if (want.endsWith('*')) return have.startsWith(want.slice(0, -1));
  return have === want;
}

/** Orders two values (numbers when both are numeric, else strings) per the term's comparator. */
export function compareMatches(data: string | number | null | undefined, comparator: SearchComparator, value: string): boolean {
  if (data == null) return false;
  if (comparator === ':') return String(data).toLowerCase() === value.trim().toLowerCase();
  const a = Number(data);
  const b = Number(value);
  const numeric = Number.isFinite(a) && Number.isFinite(b) && value.trim() !== '';
  const order = numeric ? Math.sign(a - b) : String(data).localeCompare(value.trim());
  switch (comparator) {
    case '<':
      return order < 0;
    case '>':
      return order > 0;
    case '<=':
      return order <= 0;
    case '>=':
      return order >= 0;
    default: {
      const unreachable: never = comparator;
      return unreachable;
    }
  }
}

/** Digits only, for phone comparisons (`+1 (415) 555-1212` → `14155551212`). */
export function digitsOf(text: string | null | undefined): string {
  return (text ?? '').replace(/\D+/g, '');
}
