import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.js';
import { defaultThresholds, parseThresholds, tuningAtThreshold } from '../../src/evaluation/index.js';
import { defaultIdentityTuning } from '../../src/identity/index.js';

describe('thresholdSweep: thresholds of a sweep', () => {
  it.each([
    [16, [10, 12, 14, 16, 18, 20, 22]],
    [5, [1, 3, 5, 7, 9, 11]],
  ])('sweeps around a configured link threshold of %s', (configured, expected) => {
    expect(defaultThresholds(configured)).toEqual(expected);
  });

  it.each([
    ['14,10, 12', [10, 12, 14]],
    ['8.5,8.5', [8.5]],
  ])('parses %j', (text, expected) => {
    expect(parseThresholds(text)).toEqual(expected);
  });

  it.each(['', '10,,12', '10,abc', 'NaN'])('refuses %j with a ConfigError naming the flag', (text) => {
    expect(() => parseThresholds(text)).toThrow(ConfigError);
    expect(() => parseThresholds(text)).toThrow(/--thresholds/);
  });

  it.each([
    [20, 20, 8],
    [12, 12, 8],
    [8, 8, 7],
    [3, 3, 2],
  ])('at link threshold %s the tuning links at %s and reviews from %s (below the link threshold)', (threshold, link, review) => {
    const tuning = tuningAtThreshold(defaultIdentityTuning(), threshold);
    expect(tuning.matching.linkThreshold).toBe(link);
    expect(tuning.matching.reviewThreshold).toBe(review);
    expect(tuning.matching.levels).toEqual(defaultIdentityTuning().matching.levels);
  });
});
