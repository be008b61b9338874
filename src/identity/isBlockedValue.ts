import type { BlocklistConfig } from './identityConfigSchema.js';

/**
 * A predicate telling whether a **normalised** email or E.164 phone is a placeholder that must never link
 * (DESIGN.md §5 anti-overmerge): a blocked local part (`noreply@…`), a blocked domain or its subdomains
 * (`…@example.invalid`), a listed placeholder number, or a number of one repeated digit.
 */
export function createBlocklist(config: BlocklistConfig): (kind: 'email' | 'phone', value: string) => boolean {
  const locals = new Set(config.emailLocalParts.map((l) => l.toLowerCase()));
  const domains = config.emailDomains.map((d) => d.toLowerCase());
  const phones = config.phones.map((p) => p.replace(/^\+/, ''));
  return (kind, value) => {
    if (kind === 'email') {
      const at = value.lastIndexOf('@');
      const local = value.slice(0, at);
      const domain = value.slice(at + 1);
      return locals.has(local) || domains.some((d) => domain === d || domain.endsWith(`.${d}`));
    }
    const digits = value.replace(/\D/g, '');
    if (/^(\d)\1+$/.test(digits.slice(-10))) return true;
    return phones.some((p) => digits === p || digits.endsWith(p));
  };
}
