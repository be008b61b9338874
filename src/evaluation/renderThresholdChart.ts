import { escapeXml } from './escapeXml.js';

/** One sweep run's figures, as charted. */
export interface ThresholdPoint {
  readonly threshold: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

const SERIES = [
  { key: 'precision', label: 'precision', color: '#1f77b4' },
  { key: 'recall', label: 'recall', color: '#d62728' },
  { key: 'f1', label: 'F1', color: '#2ca02c' },
] as const;

/**
 * An SVG line chart (no external assets) of precision, recall and F1 (y, 0..1) against the link threshold
 * (x): one `<circle>` per threshold and series (with `data-series` and `data-threshold`, and a tooltip), a
 * polyline per series, the configured threshold as a dashed line when given.
 */
export function renderThresholdChart(points: readonly ThresholdPoint[], configured?: number): string {
  const width = 640;
  const height = 320;
  const left = 50;
  const right = 110;
  const top = 20;
  const bottom = 40;
  const sorted = [...points].sort((a, b) => a.threshold - b.threshold);
  const xs = sorted.map((p) => p.threshold).concat(configured === undefined ? [] : [configured]);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const spanX = maxX - minX || 1;
  const x = (t: number) => left + ((t - minX) / spanX) * (width - left - right);
  const y = (v: number) => top + (1 - v) * (height - top - bottom);
  const f = (n: number) => n.toFixed(1);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="precision, recall and F1 against the link threshold" font-family="sans-serif" font-size="11">`);
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${f(y(v))}" y2="${f(y(v))}" stroke="#ddd"/><text x="${left - 6}" y="${f(y(v) + 4)}" text-anchor="end">${v.toFixed(2)}</text>`);
  }
  for (const p of sorted) parts.push(`<text x="${f(x(p.threshold))}" y="${height - bottom + 16}" text-anchor="middle">${p.threshold}</text>`);
  parts.push(`<text x="${(left + width - right) / 2}" y="${height - 6}" text-anchor="middle">link threshold</text>`);
  if (configured !== undefined) {
    parts.push(`<line x1="${f(x(configured))}" x2="${f(x(configured))}" y1="${top}" y2="${height - bottom}" stroke="#888" stroke-dasharray="4 3"><title>configured link threshold ${configured}</title></line>`);
  }
  SERIES.forEach((series, i) => {
    const coords = sorted.map((p) => `${f(x(p.threshold))},${f(y(p[series.key]))}`).join(' ');
    parts.push(`<polyline fill="none" stroke="${series.color}" stroke-width="2" points="${coords}"/>`);
    for (const p of sorted) {
      parts.push(
        `<circle data-series="${series.key}" data-threshold="${p.threshold}" cx="${f(x(p.threshold))}" cy="${f(y(p[series.key]))}" r="3.5" fill="${series.color}"><title>${escapeXml(`${series.label} ${p[series.key]} at threshold ${p.threshold}`)}</title></circle>`,
      );
    }
    const ly = top + 10 + i * 18;
    parts.push(`<rect x="${width - right + 12}" y="${ly - 8}" width="12" height="12" fill="${series.color}"/><text x="${width - right + 30}" y="${ly + 2}">${series.label}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}
