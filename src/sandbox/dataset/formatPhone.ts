import { inspect } from 'node:util';

/**
 * How a source shows a US number `+14155551212`: `parenthesized` `(415) 555-1212`, `dashed` `415-555-1212`,
 * `dotted` `415.555.1212`, `e164` `+14155551212`, `spacedE164` `+1 415-555-1212`, `digits` `4155551212`.
 */
export type PhoneStyle = 'parenthesized' | 'dashed' | 'dotted' | 'e164' | 'spacedE164' | 'digits';

const US_E164 = /^\+1(\d{3})(\d{3})(\d{4})$/;

/** Renders a US E.164 number (`+1` and 10 digits) in `style`; throws a TypeError for any other input. */
export function formatPhone(e164: string, style: PhoneStyle): string {
  const match = US_E164.exec(e164);
  if (!match) throw new TypeError(`formatPhone: e164 must be +1 and 10 digits, got ${inspect(e164)}`);
  const [, area, exchange, line] = match as unknown as [string, string, string, string];
  switch (style) {
    case 'parenthesized':
      return `(${area}) ${exchange}-${line}`;
    case 'dashed':
      return `${area}-${exchange}-${line}`;
    case 'dotted':
      return `${area}.${exchange}.${line}`;
    case 'e164':
      return e164;
    case 'spacedE164':
      return `+1 ${area}-${exchange}-${line}`;
    case 'digits':
      return `${area}${exchange}${line}`;
    default: {
      const unknown: never = style;
      throw new TypeError(`formatPhone: unknown style ${inspect(unknown)}`);
    }
  }
}
