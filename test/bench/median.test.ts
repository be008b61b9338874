import { describe, expect, it } from 'vitest';
import { median } from '../../bench/median.js';

describe('median', () => {
  it('takes the middle value of an odd count and the mean of the two middle values of an even one, unsorted input', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('is NaN for an empty list rather than a number', () => {
    expect(median([])).toBeNaN();
  });
});
