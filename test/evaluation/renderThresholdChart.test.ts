import { describe, expect, it } from 'vitest';
import { renderLevelWeightsChart, renderThresholdChart } from '../../src/evaluation/index.js';
import { createMatcher, defaultIdentityTuning } from '../../src/identity/index.js';

describe('renderThresholdChart: precision/recall/F1 against the threshold', () => {
  const points = [10, 12, 14, 16, 18].map((threshold, i) => ({ threshold, precision: 0.9 + i * 0.02, recall: 0.9 - i * 0.1, f1: 0.8 }));

  it('draws one point per threshold for each of precision, recall and F1', () => {
    const svg = renderThresholdChart(points, 16);
    for (const series of ['precision', 'recall', 'f1']) {
      const thresholds = [...svg.matchAll(new RegExp(`<circle data-series="${series}" data-threshold="([^"]+)"`, 'g'))].map((m) => Number(m[1]));
      expect(thresholds).toEqual([10, 12, 14, 16, 18]);
    }
    expect(svg.match(/<polyline /g)).toHaveLength(3);
  });

  it('puts a higher value higher on the chart (smaller y)', () => {
    const svg = renderThresholdChart(points);
    const cy = (series: string, t: number) => Number(svg.match(new RegExp(`data-series="${series}" data-threshold="${t}" cx="[^"]+" cy="([^"]+)"`))![1]);
    expect(cy('recall', 10)).toBeLessThan(cy('recall', 18));
    expect(cy('precision', 18)).toBeLessThan(cy('precision', 10));
  });

  it('is a standalone SVG with no external reference', () => {
    const svg = renderThresholdChart(points, 16);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).not.toMatch(/href=|<script|@import|url\(/);
  });
});

describe('renderLevelWeightsChart: weight of each comparison level', () => {
  it('draws one bar per level, positive weights right of zero and negative ones left', () => {
    const levels = createMatcher(defaultIdentityTuning()).levelWeights();
    const svg = renderLevelWeightsChart(levels);
    const bars = [...svg.matchAll(/<rect data-level="([^"]+)" x="([^"]+)" y="[^"]+" width="([^"]+)"/g)];
    expect(bars).toHaveLength(levels.length);
    const zero = Number(svg.match(/<line x1="([^"]+)" x2="\1" y1=/)![1]);
    bars.forEach((bar, i) => {
      const level = levels[i]!;
      expect(bar[1]).toBe(`${level.comparison} ${level.level}`);
      if (level.weight > 0) expect(Number(bar[2])).toBeCloseTo(zero, 0);
      if (level.weight < 0) expect(Number(bar[2]) + Number(bar[3])).toBeCloseTo(zero, 0);
    });
    expect(levels.some((l) => l.weight > 0) && levels.some((l) => l.weight < 0)).toBe(true);
  });
});
