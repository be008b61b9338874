const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Normalises a calendar date to ISO 8601 `YYYY-MM-DD`. Accepts ISO dates and timestamps (`1980-03-04`,
 * `1980-03-04T00:00:00Z`: the date part as written), `YYYY/MM/DD`, US `MM/DD/YYYY` and `M/D/YYYY`, and
 * `4 Mar 1980` / `Mar 4, 1980`, and compact `YYYYMMDD` (`19800304`). Years 1000-2200. Returns `null` for
 * anything else or an impossible date (`1980-02-30`).
 */
export function normalizeDate(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim().toLowerCase();
  let y: number;
  let m: number;
  let d: number;
  let match: RegExpMatchArray | null;
  if ((match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[t\s].*)?$/.exec(text))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{4})(\d{2})(\d{2})$/.exec(text))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text))) [y, m, d] = [Number(match[3]), Number(match[1]), Number(match[2])];
  else if ((match = /^(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})$/.exec(text))) [y, m, d] = [Number(match[3]), MONTHS.indexOf(match[2]!) + 1, Number(match[1])];
  else if ((match = /^([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(text))) [y, m, d] = [Number(match[3]), MONTHS.indexOf(match[1]!) + 1, Number(match[2])];
  else return null;
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 2200) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
