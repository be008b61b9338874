import { en, en_US, Faker } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { createClock, DAY_MS } from '../../../src/sandbox/dataset/createClock.js';

const NOW_MS = Date.parse('2026-11-01T00:00:00.000Z');

function clock(seed = 1) {
  const faker = new Faker({ locale: [en_US, en] });
  faker.seed(seed);
  return createClock(faker, NOW_MS);
}

describe('createClock: formatting', () => {
  it.each([
    0, -1, 951_782_400_000 /* 2000-02-29 */, NOW_MS, NOW_MS - 1, -2_208_988_800_001, 253_402_300_799_999, 1_700_000_000_123,
  ])('formats %d exactly as Date#toISOString', (ms) => {
    expect(clock().iso(ms)).toBe(new Date(ms).toISOString());
    expect(clock().date(ms)).toBe(new Date(ms).toISOString().slice(0, 10));
  });

  it('agrees with Date#toISOString across the window', () => {
    const c = clock();
    for (let ms = c.startMs; ms <= NOW_MS; ms += 7_777_777) expect(c.iso(ms)).toBe(new Date(ms).toISOString());
  });
});

describe('createClock: instants', () => {
  it('keeps draws inside both the requested range and the window', () => {
    const c = clock();
    for (let i = 0; i < 500; i++) {
      const ms = c.between(c.startMs - 10 * DAY_MS, NOW_MS + 10 * DAY_MS);
      expect(ms).toBeGreaterThanOrEqual(c.startMs);
      expect(ms).toBeLessThanOrEqual(NOW_MS);
      expect(Number.isInteger(ms)).toBe(true);
    }
  });

  it('returns the lower end when the range is empty after clamping', () => {
    expect(clock().between(NOW_MS - 5, NOW_MS - 5)).toBe(NOW_MS - 5);
    expect(clock().between(NOW_MS - 5, NOW_MS + DAY_MS)).toBeLessThanOrEqual(NOW_MS);
    expect(clock().between(NOW_MS + DAY_MS, NOW_MS + 2 * DAY_MS)).toBe(NOW_MS);
  });
});
