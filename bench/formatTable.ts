/** One line of the bench's summary table. Absent figures print as `–`. */
export interface TableRow {
  readonly query: string;
  readonly target: string;
  readonly conditions: string;
  readonly p50?: number | undefined;
  readonly p95?: number | undefined;
  readonly p99?: number | undefined;
  readonly overheadP50?: number | undefined;
  readonly overheadP99?: number | undefined;
  readonly rps?: number | undefined;
  readonly rpsPerCore?: number | undefined;
  readonly callsPerQuery?: number | undefined;
  readonly peakRssMiB?: number | undefined;
}

const COLUMNS: ReadonlyArray<[keyof TableRow, string, number]> = [
  ['query', 'query', 0],
  ['target', 'target', 0],
  ['conditions', 'conditions', 0],
  ['p50', 'p50 ms', 2],
  ['p95', 'p95 ms', 2],
  ['p99', 'p99 ms', 2],
  ['overheadP50', 'overhead p50 ms', 2],
  ['overheadP99', 'overhead p99 ms', 2],
  ['rps', 'req/s', 0],
  ['rpsPerCore', 'req/s per core', 0],
  ['callsPerQuery', 'upstream calls/query', 1],
  ['peakRssMiB', 'peak RSS MiB', 0],
];

/** Renders rows as a Markdown table (readable in a terminal, pasteable into BENCHMARKS.md). */
export function formatTable(rows: readonly TableRow[]): string {
  const cell = (row: TableRow, key: keyof TableRow, digits: number): string => {
    const v = row[key];
    if (v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return '–';
    return typeof v === 'number' ? v.toFixed(digits) : v;
  };
  const lines = [`| ${COLUMNS.map(([, h]) => h).join(' | ')} |`, `|${COLUMNS.map((_, i) => (i < 3 ? '---' : '---:')).join('|')}|`];
  for (const row of rows) lines.push(`| ${COLUMNS.map(([k, , d]) => cell(row, k, d)).join(' | ')} |`);
  return lines.join('\n');
}
