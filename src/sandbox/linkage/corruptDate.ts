import type { Random } from './createRandom.js';

/** A calendar date. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** How a date was keyed wrongly. */
export type DateErrorKind = 'oneDigit' | 'dayMonthSwapped' | 'yearOffByOne' | 'yearOffByTen' | 'onlyYearRight';

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const valid = (d: CalendarDate): boolean => d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysIn(d.year, d.month);
const same = (a: CalendarDate, b: CalendarDate): boolean => a.year === b.year && a.month === b.month && a.day === b.day;

/** `YYYY-MM-DD`. */
export const isoDate = (d: CalendarDate): string =>
  `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** Parses `YYYY-MM-DD`; throws a RangeError for anything else. */
export function parseIsoDate(text: string): CalendarDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(text)}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/**
 * Applies one date error of the given kind and returns a different, valid date, or null when that kind cannot
 * apply (day/month swap needs a day of 1..12 other than the month):
 * - `oneDigit`: one digit of `YYYYMMDD` keyed wrong (still a real date);
 * - `dayMonthSwapped`: the US/European mix-up, 1985-03-07 → 1985-07-03;
 * - `yearOffByOne` / `yearOffByTen`: 1985 → 1984 or 1986 / 1975 or 1995;
 * - `onlyYearRight`: month and day unknown and filled in, e.g. 1 January, or made up.
 */
export function dateError(date: CalendarDate, kind: DateErrorKind, random: Random): CalendarDate | null {
  switch (kind) {
    case 'oneDigit': {
      const digits = isoDate(date).replace(/-/g, '');
      for (let attempt = 0; attempt < 40; attempt++) {
        const i = random.int(0, 7);
        const digit = String(random.int(0, 9));
        if (digit === digits[i]) continue;
        const text = digits.slice(0, i) + digit + digits.slice(i + 1);
        const next = { year: Number(text.slice(0, 4)), month: Number(text.slice(4, 6)), day: Number(text.slice(6, 8)) };
        if (valid(next) && next.year >= 1900 && !same(next, date)) return next;
      }
      return null;
    }
    case 'dayMonthSwapped':
      return date.day <= 12 && date.day !== date.month ? { year: date.year, month: date.day, day: date.month } : null;
    case 'yearOffByOne':
    case 'yearOffByTen': {
      const step = (kind === 'yearOffByOne' ? 1 : 10) * (random.chance(0.5) ? 1 : -1);
      const year = date.year + step;
      return { year, month: date.month, day: Math.min(date.day, daysIn(year, date.month)) };
    }
    case 'onlyYearRight': {
      for (let attempt = 0; attempt < 40; attempt++) {
        const next = random.chance(0.5) ? { year: date.year, month: 1, day: 1 } : { year: date.year, month: random.int(1, 12), day: random.int(1, 28) };
        if (!same(next, date)) return next;
      }
      return null;
    }
  }
}

/** Applies one date error, the kind drawn by weight; falls back through the kinds so a different date always comes back. */
export function corruptDate(date: CalendarDate, random: Random): CalendarDate {
  const first = random.weighted<DateErrorKind>([['oneDigit', 35], ['dayMonthSwapped', 20], ['yearOffByOne', 20], ['yearOffByTen', 10], ['onlyYearRight', 15]]);
  for (const kind of [first, 'oneDigit', 'yearOffByOne'] as const) {
    const out = dateError(date, kind, random);
    if (out) return out;
  }
  return { year: date.year + 1, month: date.month, day: Math.min(date.day, daysIn(date.year + 1, date.month)) };
}
