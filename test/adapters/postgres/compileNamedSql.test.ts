import { describe, expect, it } from 'vitest';
import { compileNamedSql } from '../../../src/adapters/postgres/index.js';

describe('compileNamedSql: named to positional parameters', () => {
  it.each([
    ['SELECT * FROM t WHERE id = ANY($ids)', ['ids'], 'SELECT * FROM t WHERE id = ANY($1)', ['ids']],
    ['SELECT $values, $types, $values', ['types', 'values'], 'SELECT $1, $2, $1', ['values', 'types']],
    [`SELECT '$ids' AS a, "$ids" AS b, E'\\'$ids' AS c FROM t WHERE x = $ids`, ['ids'], `SELECT '$ids' AS a, "$ids" AS b, E'\\'$ids' AS c FROM t WHERE x = $1`, ['ids']],
    ['SELECT $body$ $ids $body$, $$ $ids $$ -- $ids\nFROM t /* $ids */ WHERE id = ANY($ids::text[])', ['ids'], 'SELECT $body$ $ids $body$, $$ $ids $$ -- $ids\nFROM t /* $ids */ WHERE id = ANY($1::text[])', ['ids']],
    ["SELECT 'it''s $ids' WHERE a::text = $ids", ['ids'], "SELECT 'it''s $ids' WHERE a::text = $1", ['ids']],
  ])('rewrites %j', (sql, allowed, text, params) => {
    expect(compileNamedSql(sql, allowed)).toEqual({ text, params });
  });

  it.each([
    ['SELECT $emails', /unknown parameter \$emails \(this statement can use \$values\)/],
    ['SELECT $1', /positional parameter \$1: use named parameters/],
    ["SELECT 'open", /unterminated string literal/],
    ['SELECT /* open', /unterminated \/\* comment/],
    ['SELECT $tag$ open', /unterminated dollar-quoted string \$tag\$/],
  ])('refuses %j', (sql, message) => {
    expect(() => compileNamedSql(sql, ['values'])).toThrow(message);
  });
});
