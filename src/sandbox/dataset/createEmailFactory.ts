import type { Faker } from '@faker-js/faker';

/** Reserved for documentation (RFC 2606 / RFC 6761), so no generated address can reach a real mailbox. */
export const EMAIL_DOMAINS: readonly string[] = [
  'example.com', 'example.org', 'example.net', 'mail.example', 'inbox.example', 'post.example',
];
const HOUSEHOLD_DOMAINS: readonly string[] = ['example.net', 'example.com'];

/** Hands out lower-case email addresses, each at most once per factory. */
export interface EmailFactory {
  /** A personal address built from the name, e.g. `jane.doe@example.org`, `jdoe@mail.example`. */
  personal(given: string, family: string): string;
  /** A household's shared address, e.g. `doefamily@example.net`. */
  household(family: string): string;
}

/** An email factory drawing from `faker`; clashes get a numeric suffix (`jane.doe2@...`). */
export function createEmailFactory(faker: Faker): EmailFactory {
  const used = new Set<string>();
  const claim = (local: string, domain: string): string => {
    let email = `${local}@${domain}`;
    for (let n = 2; used.has(email); n++) email = `${local}${n}@${domain}`;
    used.add(email);
    return email;
  };
  return {
    personal(given, family) {
      const g = slug(given);
      const f = slug(family);
      const local = faker.helpers.arrayElement([
        `${g}.${f}`,
        `${g}${f}`,
        `${g}_${f}`,
        `${g.charAt(0)}${f}`,
        `${g}.${f}${faker.number.int({ min: 1, max: 99 })}`,
        `${g}${faker.number.int({ min: 60, max: 99 })}`,
      ]);
      return claim(local, faker.helpers.arrayElement(EMAIL_DOMAINS));
    },
    household(family) {
      return claim(`${slug(family)}family`, faker.helpers.arrayElement(HOUSEHOLD_DOMAINS));
    },
  };
}

/** Lower-case ASCII letters only: `O'Keefe-Champlin` → `okeefechamplin`. */
function slug(name: string): string {
  return name
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}
