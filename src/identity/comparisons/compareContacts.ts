import type { LEVEL_CATALOGUE } from './levelCatalogue.js';
import { editDistance, oneKeyingError } from './similarity.js';

/** Email level (see LEVEL_CATALOGUE.email), SHARED or MISSING. */
export type EmailLevel = (typeof LEVEL_CATALOGUE.email)[number] | 'SHARED' | 'MISSING';
/** Phone level, SHARED or MISSING. */
export type PhoneLevel = (typeof LEVEL_CATALOGUE.phone)[number] | 'SHARED' | 'MISSING';
/** Identifier level, SHARED or MISSING. */
export type IdentifierLevel = (typeof LEVEL_CATALOGUE.identifier)[number] | 'SHARED' | 'MISSING';

/** A contact comparison's level and whether an equal value is personal (may link deterministically). */
export interface ContactComparison<L> {
  readonly level: L;
  readonly personal: boolean;
}

/**
 * Email level of two lists of usable (not blocked, not generic) normalised emails: EXACT when an equal
 * value is personal, SHARED when every equal value is held by several people; otherwise CLOSE (same domain,
 * local parts of 5+ characters within two edits: `jane.doe` / `jnae.doe`), LOCAL_PART (same local part of
 * 5+ characters at another domain: `jdoe73@gmail.com` / `jdoe73@yahoo.com`), DIFFERENT.
 */
export function compareEmails(a: readonly string[], b: readonly string[], isShared: (value: string) => boolean): ContactComparison<EmailLevel> {
  if (a.length === 0 || b.length === 0) return { level: 'MISSING', personal: false };
  const common = a.filter((v) => b.includes(v));
  if (common.length > 0) return common.some((v) => !isShared(v)) ? { level: 'EXACT', personal: true } : { level: 'SHARED', personal: false };
  let level: EmailLevel = 'DIFFERENT';
  for (const x of a) {
    const [lx, dx] = split(x);
    for (const y of b) {
      const [ly, dy] = split(y);
      if (lx.length < 5 || ly.length < 5) continue;
      if (dx === dy && editDistance(lx, ly) <= 2) return { level: 'CLOSE', personal: false };
      if (lx === ly || (dx !== dy && oneKeyingError(dx, dy) && lx === ly)) level = 'LOCAL_PART';
    }
  }
  return { level, personal: false };
}

/**
 * Phone level of two lists of usable E.164 numbers: EXACT (personal), SHARED; CLOSE (one keying error, or
 * the same last 8 digits under another prefix); DIFFERENT.
 */
export function comparePhones(a: readonly string[], b: readonly string[], isShared: (value: string) => boolean): ContactComparison<PhoneLevel> {
  if (a.length === 0 || b.length === 0) return { level: 'MISSING', personal: false };
  const common = a.filter((v) => b.includes(v));
  if (common.length > 0) return common.some((v) => !isShared(v)) ? { level: 'EXACT', personal: true } : { level: 'SHARED', personal: false };
  const close = a.some((x) => b.some((y) => oneKeyingError(x, y) || (x.length >= 10 && y.length >= 10 && x.slice(-8) === y.slice(-8))));
  return { level: close ? 'CLOSE' : 'DIFFERENT', personal: false };
}

/** Identifier level of two values of one type: EXACT (personal), SHARED, ONE_ERROR (one keying error, 4+ characters), DIFFERENT. */
export function compareIdentifier(a: string, b: string, shared: boolean): ContactComparison<IdentifierLevel> {
  if (a === b) return shared ? { level: 'SHARED', personal: false } : { level: 'EXACT', personal: true };
  return { level: a.length >= 4 && oneKeyingError(a, b) ? 'ONE_ERROR' : 'DIFFERENT', personal: false };
}

function split(email: string): [string, string] {
  const at = email.lastIndexOf('@');
  return [email.slice(0, at), email.slice(at + 1)];
}
