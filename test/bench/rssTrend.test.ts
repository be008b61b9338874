import { describe, expect, it } from 'vitest';
import { rssTrend, sampleRss } from '../../bench/sampleRss.js';

describe('rssTrend', () => {
  it('reports a flat series as slope 0 and a steady rise in MiB per minute', () => {
    const flat = rssTrend(Array.from({ length: 20 }, (_, i) => [i * 5, 300] as const), 320);
    expect(flat.slopeMiBPerMin).toBeCloseTo(0, 6);
    expect(flat.startMiB).toBe(300);
    expect(flat.endMiB).toBe(300);
    expect(flat.peakMiB).toBe(320);
    // +1 MiB every 5 s = 12 MiB per minute.
    const rising = rssTrend(Array.from({ length: 20 }, (_, i) => [i * 5, 300 + i] as const), 330);
    expect(rising.slopeMiBPerMin).toBeCloseTo(12, 6);
    expect(rising.startMiB).toBe(300.5);
    expect(rising.endMiB).toBe(318.5);
  });

  it('gives NaN slope for fewer than two samples instead of a made-up trend', () => {
    expect(rssTrend([[0, 100]], 100).slopeMiBPerMin).toBeNaN();
  });
});

describe('sampleRss', () => {
  it('samples until stopped and returns the same figures on a second stop', async () => {
    let rss = 100;
    const sampler = sampleRss({ rssMiB: () => (rss += 1), peakRssMiB: () => 500 }, 10);
    await new Promise((resolve) => setTimeout(resolve, 80));
    const first = sampler.stop();
    expect(first.samples).toBeGreaterThanOrEqual(2);
    expect(first.peakMiB).toBe(500);
    expect(first.slopeMiBPerMin).toBeGreaterThan(0);
    expect(sampler.stop()).toBe(first);
  });
});
