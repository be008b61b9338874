import type { BlockingKey } from '../types.js';
import { renderPrefixQuery } from './renderPrefixQuery.js';

/** The users/search parameters for one blocking key. */
export interface ZendeskSearchRequest {
  /** `{query}` in Zendesk search syntax, or `{external_id}` (exact, no syntax). */
  readonly params: Readonly<Record<string, string>>;
}

/**
 * Renders a blocking key as users/search parameters
 * (https://developer.zendesk.com/api-reference/ticketing/users/users/#search-users), one key per call
 * because Zendesk ANDs the terms of a query: email → `email:"<value>"`, phone → `phone:"<value>"` (E.164 as
 * given; Zendesk matches phone digits), name → `name:"<given family>"` (`name:"<family>"` without a given
 * name), identifier `externalId` → `external_id=<value>` (a plain parameter, no search syntax). Every value
 * is one double-quoted phrase with `"` and `\` backslash-escaped ({@link quoteZendeskValue}), so no part of
 * it is read as syntax (Zendesk search: `*` wildcard, `-` exclude, `<`/`>` compare, `field:`,
 * https://support.zendesk.com/hc/en-us/articles/4408886879258). Whitespace runs become one space. Other key
 * kinds, and keys whose value is empty, give null (nothing to search).
 */
export function renderSearchRequest(key: BlockingKey): ZendeskSearchRequest | null {
  switch (key.kind) {
    case 'email':
      return term('email', key.value);
    case 'phone':
      return term('phone', key.value);
    case 'name': {
      const words = [key.given ?? '', key.family].map(clean).filter((w) => w !== '').join(' ');
      return words === '' ? null : { params: { query: `name:${quoteZendeskValue(words)}` } };
    }
    case 'identifier': {
      const value = key.value.trim();
      return key.type === 'externalId' && value !== '' ? { params: { external_id: value } } : null;
    }
    case 'namePrefix': {
      // `name:doe* name:j*`; only letters and digits are sent bare (see renderPrefixQuery).
      const query = renderPrefixQuery(key);
      return query === null ? null : { params: { query } };
    }
    case 'namePhonetic':
    case 'birthDate':
    case 'postcodeStreet':
    case 'orderNumber':
    case 'ticketNumber':
      return null;
    default: {
      const unreachable: never = key;
      return unreachable;
    }
  }
}

function term(field: string, raw: string): ZendeskSearchRequest | null {
  const value = clean(raw);
  return value === '' ? null : { params: { query: `${field}:${quoteZendeskValue(value)}` } };
}

/**
 * A value as one Zendesk search phrase: in double quotes, with `"` and `\` backslash-escaped (the
 * query-string convention Shopify documents too), so a wildcard `*`, a leading `-`, a `field:` or a quote in
 * the value is text, not syntax.
 */
export function quoteZendeskValue(value: string): string {
  return `"${value.replace(/["\\]/g, (ch) => `\\${ch}`)}"`;
}

function clean(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}
