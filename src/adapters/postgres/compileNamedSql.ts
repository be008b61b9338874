/** A statement with `$name` parameters rewritten to positional `$1..$n`, and the names in position order. */
export interface CompiledSql {
  readonly text: string;
  /** Parameter names in positional order (`params[0]` is `$1`); each name appears once. */
  readonly params: readonly string[];
}

/**
 * Rewrites named parameters (`$ids`, `$values`) to positional ones for `pg`, skipping string literals
 * (`'...'`, `E'...'`), quoted identifiers, dollar-quoted bodies (`$tag$...$tag$`) and comments. Values are
 * always sent separately (parameterised), never spliced into the text. Throws an Error naming the problem
 * for a positional parameter (`$1`), an unknown name (not in `allowed`), or an unterminated quote or comment.
 */
export function compileNamedSql(sql: string, allowed: readonly string[]): CompiledSql {
  const names: string[] = [];
  let out = '';
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(why);
  };
  while (i < sql.length) {
    const ch = sql[i]!;
    const next = sql[i + 1];
    if (ch === "'" || ch === '"') {
      const escapes = ch === "'" && i > 0 && /[eE]/.test(sql[i - 1]!) && !/[A-Za-z0-9_]/.test(sql[i - 2] ?? ' ');
      let j = i + 1;
      for (;;) {
        if (j >= sql.length) fail(`unterminated ${ch === "'" ? 'string literal' : 'quoted identifier'}`);
        if (escapes && sql[j] === '\\') j += 2;
        else if (sql[j] === ch && sql[j + 1] === ch) j += 2;
        else if (sql[j] === ch) break;
        else j += 1;
      }
      out += sql.slice(i, j + 1);
      i = j + 1;
    } else if (ch === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop;
    } else if (ch === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      if (end === -1) fail('unterminated /* comment');
      out += sql.slice(i, end + 2);
      i = end + 2;
    } else if (ch === '$') {
      const dollarTag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
      const named = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(sql.slice(i));
      if (dollarTag) {
        const end = sql.indexOf(dollarTag[0], i + dollarTag[0].length);
        if (end === -1) fail(`unterminated dollar-quoted string ${dollarTag[0]}`);
        out += sql.slice(i, end + dollarTag[0].length);
        i = end + dollarTag[0].length;
      } else if (named) {
        const name = named[1]!;
        if (!allowed.includes(name)) fail(`unknown parameter $${name} (this statement can use ${allowed.map((a) => `$${a}`).join(', ')})`);
        let position = names.indexOf(name);
        if (position === -1) position = names.push(name) - 1;
        out += `$${position + 1}`;
        i += named[0].length;
      } else if (/^\$\d/.test(sql.slice(i))) {
        fail(`positional parameter ${/^\$\d+/.exec(sql.slice(i))![0]}: use named parameters (${allowed.map((a) => `$${a}`).join(', ')})`);
      } else {
        out += ch;
        i += 1;
      }
    } else {
      out += ch;
      i += 1;
    }
  }
  return { text: out, params: names };
}
