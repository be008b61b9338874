import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { postGraphql } from './postGraphql.js';
import { CUSTOMER_360 } from './queries.js';

/**
 * Keys left out of the comparison: they change with the wall clock or the run (fetch times, cache ages,
 * "days since", RFM recency and the segments/journey rules that read them), not with the gateway's logic.
 */
const VOLATILE = new Set(['extensions', 'fetchedAt', 'ageMs', 'fromCache', 'stale', 'daysSinceLastInteraction', 'daysSinceFirstOrder', 'daysSinceLastOrder', 'rfm', 'segments', 'journeyStage']);

/** A deep copy of `value` without {@link VOLATILE} keys. */
export function stripVolatile(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripVolatile);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !VOLATILE.has(k)).map(([k, v]) => [k, stripVolatile(v)]));
}

/** Outcome of the gate. */
export type GateResult = { readonly kind: 'passed'; readonly customers: number } | { readonly kind: 'written'; readonly customers: number } | { readonly kind: 'failed'; readonly detail: string };

/**
 * Queries the 360 view of `ids` (in order) and compares the answers, without volatile keys, with the golden
 * file at `path`. Any GraphQL error fails the gate. When the file is missing or `update` is set, writes it.
 */
export async function correctnessGate(url: string, ids: readonly string[], path: string, update: boolean): Promise<GateResult> {
  const answers: unknown[] = [];
  for (const id of ids) {
    const { status, body } = await postGraphql(url, CUSTOMER_360, { id });
    if (status !== 200 || body.errors) return { kind: 'failed', detail: `customer ${id}: HTTP ${status} ${JSON.stringify(body.errors ?? body).slice(0, 300)}` };
    answers.push(stripVolatile(body.data));
  }
  if (update || !existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify(answers, null, 2)}\n`, 'utf8');
    return { kind: 'written', customers: ids.length };
  }
  const golden = JSON.parse(readFileSync(path, 'utf8')) as unknown[];
  for (let i = 0; i < Math.max(golden.length, answers.length); i += 1) {
    if (!isDeepStrictEqual(golden[i], answers[i])) {
      return { kind: 'failed', detail: `customer ${ids[i] ?? '?'} (#${i}) differs from ${path}: got ${JSON.stringify(answers[i]).slice(0, 400)}` };
    }
  }
  return { kind: 'passed', customers: ids.length };
}
