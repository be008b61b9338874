import { UpstreamError, type UpstreamErrorKind } from '../UpstreamError.js';

/**
 * A `pg` failure as an {@link UpstreamError}, by SQLSTATE class (PostgreSQL manual, appendix A):
 * `57014` (statement timeout / cancel) → `timeout`; `53300` (too many connections) → `rate_limited`;
 * class `08` (connection), `53` (resources), `57P` (shutdown), `40` (serialization, deadlock) → `unavailable`;
 * `28` (authorization) → `auth`; other classes (`42` undefined table/column, syntax, `22` data, `25006` a write
 * in the read-only transaction) → `rejected`. Socket errors and the pool's connect timeout → `unavailable` /
 * `timeout`. The message names the capability and SQLSTATE; PostgreSQL's own text only for class `42`, which
 * names objects, never values (other classes can quote parameter values, which hold PII).
 */
export function toPostgresError(source: string, capability: string, error: unknown, timeoutMs: number): UpstreamError {
  if (error instanceof UpstreamError) return error;
  const code = typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (code && /^[0-9A-Z]{5}$/.test(code)) {
    const kind = sqlStateKind(code);
    const detail = code.startsWith('42') ? `: ${message}` : '';
    const what = kind === 'timeout' ? `statement timeout (limit ${timeoutMs} ms)` : `SQLSTATE ${code}${detail}`;
    return new UpstreamError({ source, kind, message: `postgres ${capability}: ${what}`, vendorCode: code });
  }
  if (/timeout exceeded when trying to connect|connection timeout/i.test(message)) {
    return new UpstreamError({ source, kind: 'timeout', message: `postgres ${capability}: no connection within the limit` });
  }
  return new UpstreamError({ source, kind: 'unavailable', message: `postgres ${capability}: ${code ?? 'connection failed'}${code ? '' : `: ${message.split('\n')[0]}`}`, ...(code ? { vendorCode: code } : {}) });
}

function sqlStateKind(code: string): UpstreamErrorKind {
  if (code === '57014') return 'timeout';
  if (code === '53300') return 'rate_limited';
  if (code.startsWith('28')) return 'auth';
  if (code.startsWith('08') || code.startsWith('53') || code.startsWith('57P') || code.startsWith('40') || code.startsWith('XX')) return 'unavailable';
  return 'rejected';
}
