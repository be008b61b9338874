import type { Faker } from '@faker-js/faker';

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;
/** How far back the generated history reaches. 730 days never exceeds two calendar years. */
export const HISTORY_DAYS = 730;

/** Random instants inside the dataset's history window `[now - HISTORY_DAYS, now]`, in epoch ms, and their text. */
export interface Clock {
  readonly nowMs: number;
  /** Start of the history window. */
  readonly startMs: number;
  /**
   * A uniform whole millisecond in `[fromMs, toMs]` clamped to the window; when the clamped range is empty,
   * its lower end (capped at now), so results never precede `fromMs` unless `fromMs` is after now.
   */
  between(fromMs: number, toMs: number): number;
  /** ISO 8601 UTC with milliseconds, exactly as `Date#toISOString` (years 0000–9999). */
  iso(ms: number): string;
  /** `YYYY-MM-DD` (UTC). */
  date(ms: number): string;
}

/** A clock over the window ending at `nowMs`, drawing from `faker`. Lives as long as one generation run. */
export function createClock(faker: Faker, nowMs: number): Clock {
  const startMs = nowMs - HISTORY_DAYS * DAY_MS;
  // Date#toISOString dominated generation time; dates repeat (a few thousand distinct days), times of day don't.
  const dates = new Map<number, string>();
  const date = (ms: number): string => {
    const day = Math.floor(ms / DAY_MS);
    let text = dates.get(day);
    if (text === undefined) {
      text = new Date(day * DAY_MS).toISOString().slice(0, 10);
      dates.set(day, text);
    }
    return text;
  };
  return {
    nowMs,
    startMs,
    between(fromMs, toMs) {
      const lo = Math.max(Math.ceil(fromMs), startMs);
      const hi = Math.min(Math.floor(toMs), nowMs);
      return hi <= lo ? Math.min(lo, nowMs) : faker.number.int({ min: lo, max: hi });
    },
    iso(ms) {
      const ofDay = ms - Math.floor(ms / DAY_MS) * DAY_MS;
      const hours = Math.floor(ofDay / 3_600_000);
      const minutes = Math.floor(ofDay / 60_000) % 60;
      const seconds = Math.floor(ofDay / 1000) % 60;
      return `${date(ms)}T${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(ofDay % 1000, 3)}Z`;
    },
    date,
  };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
