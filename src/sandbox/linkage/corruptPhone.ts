import type { Random } from './createRandom.js';

/** Ways the same 10-digit North American number is written by different systems. */
export type PhoneFormat = 'dashed' | 'parenthesised' | 'dotted' | 'digits' | 'e164' | 'international';

/** Writes a 10-digit number `4155551212` in one of the {@link PhoneFormat}s. Throws a RangeError for anything but 10 digits. */
export function formatPhone(digits: string, format: PhoneFormat): string {
  if (!/^\d{10}$/.test(digits)) throw new RangeError(`not a 10-digit number: ${JSON.stringify(digits)}`);
  const [a, b, c] = [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6)];
  switch (format) {
    case 'dashed': return `${a}-${b}-${c}`;
    case 'parenthesised': return `(${a}) ${b}-${c}`;
    case 'dotted': return `${a}.${b}.${c}`;
    case 'digits': return digits;
    case 'e164': return `+1${digits}`;
    case 'international': return `+1 ${a} ${b} ${c}`;
  }
}

/** How a phone number was keyed wrongly (the format is chosen separately, per source). */
export type PhoneErrorKind = 'digitTypo' | 'digitsTransposed';

/**
 * One keying error in a 10-digit number; the result is 10 digits and differs from the input:
 * `digitTypo` replaces one digit (not the area code's first, which would not be a valid number),
 * `digitsTransposed` swaps two adjacent different digits (falls back to `digitTypo` for `5555555555`).
 */
export function phoneError(digits: string, kind: PhoneErrorKind, random: Random): string {
  if (kind === 'digitsTransposed') {
    const positions = [...digits].flatMap((d, i) => (i > 0 && i + 1 < digits.length && digits[i + 1] !== d ? [i] : []));
    if (positions.length > 0) {
      const i = random.pick(positions);
      return digits.slice(0, i) + digits[i + 1]! + digits[i]! + digits.slice(i + 2);
    }
  }
  const i = random.int(1, 9);
  const replacement = random.pick([...'0123456789'].filter((d) => d !== digits[i]));
  return digits.slice(0, i) + replacement + digits.slice(i + 1);
}
