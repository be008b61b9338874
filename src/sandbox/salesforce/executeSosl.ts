import type { SalesforceDatabase, SfRow } from './createSalesforceDatabase.js';
import type { SoslScope, SoslSearch } from './parseSosl.js';
import { renderRecord } from './renderRecord.js';
import type { SfWireRecord } from './renderRecord.js';
import { resolveFieldPath } from './resolveFieldPath.js';
import { invalidType } from './SalesforceFakeError.js';
import type { SfFieldDef, SfObjectDef } from './salesforceSchema.js';
import { findObject, isTextType } from './salesforceSchema.js';

/** SOSL never returns more than this many records per search. */
const MAX_SEARCH_RECORDS = 2000;

/**
 * Runs a parsed SOSL search: a record matches when any term matches it in the search scope —
 * PHONE compares digits only (the last 10, so `+1 415-555-1212` finds `(415) 555-1212`), EMAIL compares
 * case-insensitively and exactly, NAME needs every word of the term among the name fields' words, ALL
 * does all three over every text field. Results list the RETURNING objects in order, capped at 2000.
 * Throws `INVALID_TYPE` / `INVALID_FIELD` {@link SalesforceFakeError}s for unknown names.
 */
export function executeSosl(db: SalesforceDatabase, search: SoslSearch, version: string): SfWireRecord[] {
  const results: SfWireRecord[] = [];
  for (const returning of search.returning) {
    const object = findObject(returning.object);
    if (!object) throw invalidType(returning.object);
    const fields = returning.fields.map((path) => resolveFieldPath(object, path));
    const matches = (row: SfRow): boolean => search.terms.some((term) => termMatches(object, row, term, search.scope));
    for (const row of db.rows(object.name)) {
      if (matches(row)) results.push(renderRecord(db, version, object.name, row, fields));
    }
  }
  return results.slice(0, Math.min(search.limit ?? MAX_SEARCH_RECORDS, MAX_SEARCH_RECORDS));
}

function termMatches(object: SfObjectDef, row: SfRow, term: string, scope: SoslScope): boolean {
  const text = (f: SfFieldDef): string | null => {
    const value = row[f.name];
    return typeof value === 'string' ? value : null;
  };
  if (scope === 'PHONE' || scope === 'ALL') {
    const wanted = digits(term);
    if (wanted.length > 0 && object.fields.some((f) => f.type === 'phone' && phoneMatches(text(f), wanted))) return true;
  }
  if (scope === 'EMAIL' || scope === 'ALL') {
    const wanted = term.toLowerCase();
    if (object.fields.some((f) => f.type === 'email' && text(f)?.toLowerCase() === wanted)) return true;
  }
  if (scope === 'NAME' || scope === 'ALL') {
    const searched = object.fields.filter((f) => (scope === 'NAME' ? f.isName === true : isTextType(f.type)));
    const words = new Set(searched.flatMap((f) => toWords(text(f) ?? '')));
    const wanted = toWords(term);
    if (wanted.length > 0 && wanted.every((w) => words.has(w))) return true;
  }
  return false;
}

function phoneMatches(value: string | null, wantedDigits: string): boolean {
  if (value === null) return false;
  const have = digits(value);
  if (have.length === 0) return false;
  return wantedDigits.length >= 10 ? have.slice(-10) === wantedDigits.slice(-10) : have.endsWith(wantedDigits);
}

function digits(text: string): string {
  return text.replace(/\D/g, '');
}

function toWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}
