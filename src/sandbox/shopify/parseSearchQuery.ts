/** How a term compares its field with its value (`field:value`, `field:>value`, ...). */
export type SearchComparator = ':' | '<' | '>' | '<=' | '>=';

/**
 * A parsed Shopify search query (https://shopify.dev/docs/api/usage/search-syntax): terms joined by
 * implicit or explicit `AND`, `OR` (lower precedence than AND), `NOT`/`-` modifiers and parentheses.
 * `field` is null for a free-text term; `value` is unquoted and unescaped.
 */
export type SearchNode =
  | { readonly kind: 'term'; readonly field: string | null; readonly comparator: SearchComparator; readonly value: string }
  | { readonly kind: 'not'; readonly child: SearchNode }
  | { readonly kind: 'and'; readonly children: readonly SearchNode[] }
  | { readonly kind: 'or'; readonly children: readonly SearchNode[] };

type Token =
  | { readonly type: 'lparen' | 'rparen' | 'and' | 'or' | 'not' }
  | { readonly type: 'term'; readonly negated: boolean; readonly field: string | null; readonly comparator: SearchComparator; readonly value: string };

/**
 * Parses a search query. Lenient like Shopify's: it never throws; an empty query gives `null` (match
 * everything), unbalanced parentheses are closed at the end, a stray `)` or connective is skipped.
 */
export function parseSearchQuery(text: string): SearchNode | null {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];

  function parseOr(): SearchNode | null {
    const children: SearchNode[] = [];
    const first = parseAnd();
    if (first) children.push(first);
    while (peek()?.type === 'or') {
      pos += 1;
      const next = parseAnd();
      if (next) children.push(next);
    }
    return combine('or', children);
  }

  function parseAnd(): SearchNode | null {
    const children: SearchNode[] = [];
    for (let token = peek(); token && token.type !== 'or' && token.type !== 'rparen'; token = peek()) {
      if (token.type === 'and') {
        pos += 1;
        continue;
      }
      const node = parseUnary();
      if (node) children.push(node);
    }
    return combine('and', children);
  }

  function parseUnary(): SearchNode | null {
    const token = peek();
    if (!token) return null;
    pos += 1;
    switch (token.type) {
      case 'not': {
        const child = peek()?.type === 'or' || peek()?.type === 'rparen' ? null : parseUnary();
        return child ? { kind: 'not', child } : null;
      }
      case 'lparen': {
        const inner = parseOr();
        if (peek()?.type === 'rparen') pos += 1;
        return inner;
      }
      case 'term': {
        const term: SearchNode = { kind: 'term', field: token.field, comparator: token.comparator, value: token.value };
        return token.negated ? { kind: 'not', child: term } : term;
      }
      default:
        return null;
    }
  }

  const parts: SearchNode[] = [];
  while (pos < tokens.length) {
    const part = parseOr();
    if (part) parts.push(part);
    if (peek()?.type === 'rparen') pos += 1;
  }
  return combine('and', parts);
}

function combine(kind: 'and' | 'or', children: SearchNode[]): SearchNode | null {
  if (children.length === 0) return null;
  if (children.length === 1) return children[0] as SearchNode;
  return { kind, children };
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ type: ch === '(' ? 'lparen' : 'rparen' });
      i += 1;
    } else {
      const read = readTerm(text, i);
      i = read.end;
      tokens.push(read.token);
    }
  }
  return tokens;
}

/** Reads one term from `start`: `[-]field:[<|>|<=|>=]value`, quoted parts and backslash escapes allowed. */
function readTerm(text: string, start: number): { token: Token; end: number } {
  let i = start;
  let negated = false;
  if (text[i] === '-' && i + 1 < text.length && !/\s/.test(text[i + 1] as string)) {
    negated = true;
    i += 1;
  }
  let field: string | null = null;
  let comparator: SearchComparator = ':';
  let value = '';
  let quotedAnything = false;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch) || ch === ')' || (ch === '(' && value === '')) break;
    if (ch === '\\' && i + 1 < text.length) {
      value += text[i + 1];
      i += 2;
    } else if (ch === '"' || ch === "'") {
      quotedAnything = true;
      i += 1;
      while (i < text.length && text[i] !== ch) {
        if (text[i] === '\\' && i + 1 < text.length) i += 1;
        value += text[i];
        i += 1;
      }
      i += 1;
    } else if (ch === ':' && field === null && !quotedAnything && value !== '') {
      field = value.toLowerCase();
      value = '';
      i += 1;
      const op = /^(<=|>=|<|>)/.exec(text.slice(i));
      if (op) {
        comparator = op[1] as SearchComparator;
        i += op[1]!.length;
      }
    } else {
      value += ch;
      i += 1;
    }
  }
  if (!negated && field === null && !quotedAnything && (value === 'AND' || value === 'OR' || value === 'NOT')) {
    return { token: { type: value === 'AND' ? 'and' : value === 'OR' ? 'or' : 'not' }, end: i };
  }
  return { token: { type: 'term', negated, field, comparator, value }, end: i };
}
