import type { SoqlOperator } from './tokenizeSoql.js';

/** A literal on the right of a SOQL comparison. */
export type SoqlValue =
  | { readonly kind: 'string'; readonly value: string; readonly raw: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' }
  /** `YYYY-MM-DD` */
  | { readonly kind: 'date'; readonly value: string }
  | { readonly kind: 'datetime'; readonly value: string; readonly epochMs: number };

/** A field path as written: `['Account', 'Name']` for `Account.Name`. */
export type SoqlFieldPath = readonly string[];

/** A WHERE condition. `and` / `or` hold two or more operands. */
export type SoqlCondition =
  | { readonly kind: 'and'; readonly operands: readonly SoqlCondition[] }
  | { readonly kind: 'or'; readonly operands: readonly SoqlCondition[] }
  | { readonly kind: 'not'; readonly operand: SoqlCondition }
  | { readonly kind: 'compare'; readonly field: SoqlFieldPath; readonly operator: SoqlOperator; readonly value: SoqlValue }
  | { readonly kind: 'in'; readonly field: SoqlFieldPath; readonly negated: boolean; readonly values: readonly SoqlValue[] }
  /** `pattern` is the raw literal text (escapes kept) so `\%` and `\_` stay literal. */
  | { readonly kind: 'like'; readonly field: SoqlFieldPath; readonly pattern: string };

/** One ORDER BY item; `nulls` defaults to FIRST, as in SOQL. */
export interface SoqlOrderItem {
  readonly field: SoqlFieldPath;
  readonly direction: 'ASC' | 'DESC';
  readonly nulls: 'FIRST' | 'LAST';
}

/** A parsed SOQL query (the subset the fake understands). */
export interface SoqlQuery {
  readonly fields: readonly SoqlFieldPath[];
  /**
   * Parent-to-child relationship sub-queries in the SELECT list (`(SELECT Id FROM Cases ORDER BY …)`): each a
   * query whose `object` is the child relationship name; one level only, as in SOQL.
   */
  readonly subqueries: readonly SoqlQuery[];
  readonly object: string;
  readonly where: SoqlCondition | null;
  readonly orderBy: readonly SoqlOrderItem[];
  readonly limit: number | null;
  readonly offset: number | null;
}
