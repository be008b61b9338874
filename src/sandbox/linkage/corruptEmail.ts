import type { Random } from './createRandom.js';
import { keyboardTypo } from './keyboardTypo.js';

/** Free-mail domains people switch between, and their common misspellings. */
export const EMAIL_DOMAINS = ['gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'icloud.com', 'aol.com', 'comcast.net', 'proton.me'] as const;
const DOMAIN_TYPOS: Readonly<Record<string, readonly string[]>> = {
  'gmail.com': ['gmial.com', 'gmail.co', 'gmal.com', 'gamil.com'],
  'yahoo.com': ['yaho.com', 'yahooo.com', 'yahoo.co'],
  'hotmail.com': ['hotmial.com', 'hotmal.com', 'hotmail.co'],
  'outlook.com': ['outlok.com', 'outlook.co'],
};

/** How an email address was recorded wrongly. */
export type EmailErrorKind = 'localTypo' | 'otherDomain' | 'domainTypo' | 'plusTag';

/**
 * One email error of the given kind; the result always differs from `email` (a `name@domain` address):
 * - `localTypo`: a keying error in the local part (`jane.doe` → `jane.deo`);
 * - `otherDomain`: same local part at another provider (`@gmail.com` → `@yahoo.com`);
 * - `domainTypo`: the provider misspelt (`gmial.com`), or a keying error in the domain name;
 * - `plusTag`: a sub-address the person used at this source (`jane+shop@`).
 */
export function emailError(email: string, kind: EmailErrorKind, random: Random): string {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  switch (kind) {
    case 'localTypo':
      return `${keyboardTypo(local, random)}@${domain}`;
    case 'otherDomain':
      return `${local}@${random.pick(EMAIL_DOMAINS.filter((d) => d !== domain))}`;
    case 'domainTypo': {
      const known = DOMAIN_TYPOS[domain];
      if (known) return `${local}@${random.pick(known)}`;
      const dot = domain.lastIndexOf('.');
      return `${local}@${keyboardTypo(domain.slice(0, dot), random)}${domain.slice(dot)}`;
    }
    case 'plusTag':
      return `${local.split('+')[0]}+${random.pick(['shop', 'orders', 'news', 'support', 'promo', '2024'])}@${domain}`;
  }
}

/** One email error with the kind drawn by weight (local-part typo 40 %, other domain 25 %, domain typo 15 %, plus-tag 20 %). */
export function corruptEmail(email: string, random: Random): string {
  return emailError(email, random.weighted<EmailErrorKind>([['localTypo', 40], ['otherDomain', 25], ['domainTypo', 15], ['plusTag', 20]]), random);
}
