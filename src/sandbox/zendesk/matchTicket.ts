import type { ZendeskTicket, ZendeskUser } from '../dataset/types.js';
import type { SearchOperator, SearchTerm } from './parseSearchQuery.js';
import { containsPhrase, textTokens } from './textTokens.js';

const STATUS_ORDER = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];
const PRIORITY_ORDER = ['low', 'normal', 'high', 'urgent'];

/**
 * True when `ticket` matches every term of a `/api/v2/search` query (ANDed; negated terms must not match).
 * Supported: `type:ticket`, `requester:<id|email|name>`, `status` and `priority` with `: < > <= >=`
 * (Zendesk's ordinal order), `ticket_type:`, `tags:`, `via:`, `assignee:`, `submitter:`,
 * `created`/`updated` with a `YYYY-MM-DD` date and any operator; a plain term matches words of the subject
 * or description. `requester` is the ticket's requester record, when it exists.
 */
export function matchTicket(ticket: ZendeskTicket, requester: ZendeskUser | undefined, terms: readonly SearchTerm[]): boolean {
  return terms.every((term) => matchTicketTerm(ticket, requester, term) !== term.negated);
}

function matchTicketTerm(ticket: ZendeskTicket, requester: ZendeskUser | undefined, term: SearchTerm): boolean {
  const value = term.value.trim();
  if (value === '') return false;
  const lower = value.toLowerCase();
  switch (term.field) {
    case 'status':
      return compareOrdinal(STATUS_ORDER, ticket.status, lower, term.operator);
    case 'priority':
      return compareOrdinal(PRIORITY_ORDER, ticket.priority, lower, term.operator);
    case 'created':
      return compare(ticket.createdAt.slice(0, 10), value, term.operator);
    case 'updated':
      return compare(ticket.updatedAt.slice(0, 10), value, term.operator);
    default:
      return term.operator === ':' && matchEquality(ticket, requester, term.field, value, lower);
  }
}

function matchEquality(ticket: ZendeskTicket, requester: ZendeskUser | undefined, field: string | null, value: string, lower: string): boolean {
  switch (field) {
    case null:
      return containsPhrase(textTokens(`${ticket.subject} ${ticket.description}`), textTokens(value));
    case 'type':
      return lower === 'ticket';
    case 'requester':
      if (/^\d+$/.test(value)) return String(ticket.requesterId) === value;
      if (value.includes('@')) return (requester?.email ?? '').toLowerCase() === lower;
      return containsPhrase(textTokens(requester?.name ?? null), textTokens(value));
    case 'ticket_type':
      return ticket.type === lower;
    case 'tag':
    case 'tags':
      return ticket.tags.includes(value);
    case 'via':
      return ticket.channel === lower;
    case 'assignee':
      return lower === 'none' ? ticket.assigneeId === null : String(ticket.assigneeId) === value;
    case 'submitter':
      return String(ticket.submitterId) === value;
    default:
      return false;
  }
}

function compareOrdinal(order: readonly string[], actual: string, wanted: string, operator: SearchOperator): boolean {
  const a = order.indexOf(actual);
  const w = order.indexOf(wanted);
  return a !== -1 && w !== -1 && compare(a, w, operator);
}

function compare<T extends number | string>(a: T, b: T, operator: SearchOperator): boolean {
  switch (operator) {
    case ':':
      return a === b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '>=':
      return a >= b;
    default: {
      const unreachable: never = operator;
      return unreachable;
    }
  }
}
