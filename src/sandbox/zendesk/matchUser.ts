import type { ZendeskUser } from '../dataset/types.js';
import type { SearchTerm } from './parseSearchQuery.js';
import { containsPhrase, containsPrefixPhrase, emailTokens, phoneKey, textTokens } from './textTokens.js';

/**
 * True when `user` matches every term (terms are ANDed; a negated term must not match). Supported fields:
 * `email:` (case-insensitive, trimmed, exact; `*` a wildcard in a bare, unquoted value), `phone:` (last 10 digits, any format), `name:` (word or
 * quoted phrase in the name, accents folded; a bare `name:doe*` matches a word starting with `doe`), `external_id:`, `role:`, `tags:`/`tag:`,
 * `organization_id:`, `type:user`; a plain term matches a name word or phrase, an email word, or the whole
 * email. Other fields, comparison operators and empty values match nothing.
 */
export function matchUser(user: ZendeskUser, terms: readonly SearchTerm[]): boolean {
  return terms.every((term) => matchUserTerm(user, term) !== term.negated);
}

function matchUserTerm(user: ZendeskUser, term: SearchTerm): boolean {
  const value = term.value.trim();
  if (value === '' || term.operator !== ':') return false;
  const lower = value.toLowerCase();
  switch (term.field) {
    case null:
      return (
        (user.email ?? '').toLowerCase() === lower ||
        containsPhrase(textTokens(user.name), textTokens(value)) ||
        (!term.quoted && containsPhrase(emailTokens(user.email), emailTokens(value)))
      );
    case 'email':
      // Zendesk's `*` wildcard applies to bare words only; in a quoted phrase it is text.
      if (!term.quoted && lower.includes('*')) return globOf(lower).test((user.email ?? '').trim().toLowerCase());
      return (user.email ?? '').trim().toLowerCase() === lower;
    case 'phone': {
      const key = phoneKey(value);
      return key !== '' && key === phoneKey(user.phone);
    }
    case 'name':
      // A bare trailing `*` is Zendesk's wildcard (`name:doe*`: a name word starting with "doe"); quoted, it is text.
      if (!term.quoted && value.endsWith('*')) return containsPrefixPhrase(textTokens(user.name), textTokens(value.slice(0, -1)));
      return containsPhrase(textTokens(user.name), textTokens(value));
    case 'external_id':
      return user.externalId === value;
    case 'role':
      return user.role.toLowerCase() === lower;
    case 'tag':
    case 'tags':
      return user.tags.includes(value);
    case 'organization_id':
      return user.organizationId !== null && String(user.organizationId) === value;
    case 'type':
      return lower === 'user';
    default:
      return false;
  }
}

/** A bare search word with `*` wildcards as an anchored regular expression. */
function globOf(word: string): RegExp {
  return new RegExp(`^${word.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}
