import type { LevelWeight } from '../identity/index.js';
import { escapeXml } from './escapeXml.js';

/**
 * An SVG horizontal bar chart (no external assets) of the match weight (log2 m/u) of every comparison level:
 * one `<rect data-level="comparison LEVEL">` per level, right of the zero line for positive weights (green),
 * left for negative ones (red), with the value and m/u in a tooltip.
 */
export function renderLevelWeightsChart(levels: readonly LevelWeight[]): string {
  const row = 18;
  const labelWidth = 170;
  const width = 640;
  const top = 10;
  const height = top * 2 + row * levels.length + 20;
  const maxAbs = Math.max(1, ...levels.map((l) => Math.abs(l.weight)));
  const half = (width - labelWidth - 60) / 2;
  const zero = labelWidth + 30 + half;
  const scale = half / maxAbs;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="weight of each comparison level" font-family="sans-serif" font-size="11">`);
  levels.forEach((l, i) => {
    const y = top + i * row;
    const w = Math.abs(l.weight) * scale;
    const name = `${l.comparison} ${l.level}`;
    const tip = `${name}: weight ${l.weight} (m ${l.m}, u ${l.u})`;
    parts.push(`<text x="${labelWidth}" y="${y + 12}" text-anchor="end">${escapeXml(name)}</text>`);
    parts.push(
      `<rect data-level="${escapeXml(name)}" x="${(l.weight >= 0 ? zero : zero - w).toFixed(1)}" y="${y + 2}" width="${w.toFixed(1)}" height="${row - 5}" fill="${l.weight >= 0 ? '#2ca02c' : '#d62728'}"><title>${escapeXml(tip)}</title></rect>`,
    );
    parts.push(`<text x="${(l.weight >= 0 ? zero + w + 4 : zero - w - 4).toFixed(1)}" y="${y + 12}" text-anchor="${l.weight >= 0 ? 'start' : 'end'}">${l.weight}</text>`);
  });
  const bottom = top + row * levels.length;
  parts.push(`<line x1="${zero}" x2="${zero}" y1="${top}" y2="${bottom}" stroke="#333"/>`);
  parts.push(`<text x="${zero}" y="${bottom + 14}" text-anchor="middle">0 (log2 m/u)</text>`);
  parts.push('</svg>');
  return parts.join('\n');
}
