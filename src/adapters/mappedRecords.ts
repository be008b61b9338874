import { z } from 'zod';
import type { Activity, ActivityKind, IdentityRecord, Order, SourceRef, Ticket, TicketStatus } from '../domain/index.js';

/**
 * The flat record shapes a declarative source (`kind: postgres` columns, `kind: rest` JSONata mappings)
 * produces, and their conversion onto the domain records. One definition for every declarative kind, so
 * the gateway's records mean the same whichever kind served them.
 */

const text = z.union([z.string(), z.number(), z.bigint()]).transform((v) => String(v).trim());
const optionalText = z.union([text, z.null(), z.undefined()]).transform((v) => (v === undefined || v === null || v === '' ? null : v));
const textList = z
  .union([text, z.array(z.union([text, z.null()])), z.null(), z.undefined()])
  .transform((v) => (v === undefined || v === null ? [] : (Array.isArray(v) ? v : [v]).filter((x): x is string => x !== null && x !== '')));
/** ISO 8601: a date stays a date; a timestamp (text, Postgres text form or epoch ms) becomes UTC `toISOString()`. */
const timestamp = z.union([optionalText, z.date()]).transform((v, ctx) => {
  if (v === null) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const ms = /^\d{10,}$/.test(v) ? Number(v) : Date.parse(v.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00'));
  if (Number.isNaN(ms)) {
    ctx.addIssue({ code: 'custom', message: 'is not a date or timestamp' });
    return z.NEVER;
  }
  return new Date(ms).toISOString();
});
const requiredTimestamp = timestamp.refine((v) => v !== null, 'is required');

/** A flat identity record: `id` is required, every other field optional; `emails`/`phones` a value or a list. */
export const flatIdentitySchema = z.object({
  id: text.refine((v) => v !== '', 'is required'),
  givenName: optionalText,
  familyName: optionalText,
  fullName: optionalText,
  emails: textList,
  phones: textList,
  line1: optionalText,
  city: optionalText,
  region: optionalText,
  postcode: optionalText,
  country: optionalText,
  birthDate: timestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
  identifiers: z.record(z.string(), optionalText).nullish(),
});

/** A flat order; `owner` is the owning record's id (needed when one call answers several owners). */
export const flatOrderSchema = z.object({
  id: text,
  owner: optionalText,
  number: optionalText,
  createdAt: requiredTimestamp,
  updatedAt: timestamp,
  cancelledAt: timestamp,
  financialStatus: optionalText,
  fulfillmentStatus: optionalText,
  totalAmount: text,
  currency: text.refine((v) => /^[A-Za-z]{3}$/.test(v), 'must be an ISO 4217 code'),
});

const TICKET_STATUS: Readonly<Record<string, TicketStatus>> = { NEW: 'NEW', OPEN: 'OPEN', PENDING: 'PENDING', HOLD: 'ON_HOLD', ON_HOLD: 'ON_HOLD', SOLVED: 'SOLVED', CLOSED: 'CLOSED' };

/** A flat ticket; `status` must fold onto NEW, OPEN, PENDING, ON_HOLD (or HOLD), SOLVED or CLOSED, any case. */
export const flatTicketSchema = z.object({
  id: text,
  owner: optionalText,
  kind: z.enum(['TICKET', 'CASE']).nullish(),
  number: optionalText,
  subject: optionalText,
  status: text.refine((v) => Object.hasOwn(TICKET_STATUS, v.toUpperCase().replace(/[\s-]/g, '_')), 'must be one of new, open, pending, on_hold, solved, closed'),
  priority: optionalText,
  channel: optionalText,
  createdAt: requiredTimestamp,
  updatedAt: timestamp,
  closedAt: timestamp,
});

const ACTIVITY_KINDS: readonly ActivityKind[] = ['CALL', 'EMAIL', 'TASK', 'MEETING'];

/** A flat activity; `kind` is CALL, EMAIL, TASK or MEETING, any case. */
export const flatActivitySchema = z.object({
  id: text,
  owner: optionalText,
  kind: text.refine((v) => (ACTIVITY_KINDS as readonly string[]).includes(v.toUpperCase()), 'must be one of call, email, task, meeting'),
  subject: optionalText,
  status: optionalText,
  occurredAt: requiredTimestamp,
  durationSeconds: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number), z.null()]),
});

/** Record kinds a declarative source maps. */
export type MappedKind = 'identity' | 'order' | 'ticket' | 'activity';

/** A mapped value that does not fit its flat shape; `message` names the field, never the value (PII). */
export class MappingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MappingError';
  }
}

function parse<S extends z.ZodObject>(schema: S, value: unknown, what: MappedKind): z.output<S> {
  // Absent fields read as null: a mapping or a row need only name what the source has.
  const filled = typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.keys(schema.shape).map((key) => [key, (value as Record<string, unknown>)[key] ?? null])) : value;
  const result = schema.safeParse(filled);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new MappingError(`mapped ${what} record: ${issue.path.join('.') || '(record)'}: ${issue.message}`);
}

/** A flat identity record as the domain's {@link IdentityRecord}. Throws {@link MappingError}. Pure. */
export function toIdentityRecord(source: string, value: unknown): IdentityRecord {
  const flat = parse(flatIdentitySchema, value, 'identity');
  const full = flat.fullName ?? ([flat.givenName, flat.familyName].filter(Boolean).join(' ') || null);
  const address = { line1: flat.line1, city: flat.city, region: flat.region, postcode: flat.postcode, country: flat.country };
  const identifiers: Record<string, string> = {};
  for (const [type, id] of Object.entries(flat.identifiers ?? {})) if (id !== null) identifiers[type] = id;
  return {
    ref: { source, id: flat.id },
    names: flat.givenName || flat.familyName || full ? [{ given: flat.givenName, family: flat.familyName, full }] : [],
    emails: flat.emails,
    phones: flat.phones,
    addresses: Object.values(address).some((v) => v !== null) ? [address] : [],
    birthDate: flat.birthDate === null ? null : flat.birthDate.slice(0, 10),
    identifiers,
    createdAt: flat.createdAt,
    updatedAt: flat.updatedAt,
  };
}

/** The `owner` a flat related record names, or null. Throws nothing. */
export function ownerOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const owner = (value as { owner?: unknown }).owner;
  return typeof owner === 'string' || typeof owner === 'number' || typeof owner === 'bigint' ? String(owner) : null;
}

/** A flat order as an {@link Order} owned by `owner`. Throws {@link MappingError}. Pure. */
export function toOrder(owner: SourceRef, value: unknown): Order {
  const flat = parse(flatOrderSchema, value, 'order');
  return {
    ref: { source: owner.source, id: flat.id },
    ownerRef: owner,
    number: flat.number ?? flat.id,
    createdAt: flat.createdAt!,
    updatedAt: flat.updatedAt,
    cancelledAt: flat.cancelledAt,
    financialStatus: flat.financialStatus?.toUpperCase() ?? null,
    fulfillmentStatus: flat.fulfillmentStatus?.toUpperCase() ?? null,
    total: { amount: flat.totalAmount, currencyCode: flat.currency.toUpperCase() },
    lineItems: [],
  };
}

/** A flat ticket as a {@link Ticket} raised by `owner`. Throws {@link MappingError}. Pure. */
export function toTicket(owner: SourceRef, value: unknown): Ticket {
  const flat = parse(flatTicketSchema, value, 'ticket');
  return {
    ref: { source: owner.source, id: flat.id },
    ownerRef: owner,
    kind: flat.kind ?? 'TICKET',
    number: flat.number ?? flat.id,
    subject: flat.subject,
    status: TICKET_STATUS[flat.status.toUpperCase().replace(/[\s-]/g, '_')]!,
    sourceStatus: flat.status,
    priority: flat.priority?.toLowerCase() ?? null,
    channel: flat.channel?.toLowerCase() ?? null,
    createdAt: flat.createdAt!,
    updatedAt: flat.updatedAt,
    closedAt: flat.closedAt,
  };
}

/** A flat activity as an {@link Activity} about `owner`. Throws {@link MappingError}. Pure. */
export function toActivity(owner: SourceRef, value: unknown): Activity {
  const flat = parse(flatActivitySchema, value, 'activity');
  return {
    ref: { source: owner.source, id: flat.id },
    ownerRef: owner,
    kind: flat.kind.toUpperCase() as ActivityKind,
    subject: flat.subject,
    status: flat.status,
    occurredAt: flat.occurredAt!,
    durationSeconds: flat.durationSeconds,
  };
}

/** Newest first by a timestamp field (ISO strings sort as text); stable. */
export function newestFirst<T>(items: T[], at: (item: T) => string): T[] {
  return items.sort((a, b) => (at(a) < at(b) ? 1 : at(a) > at(b) ? -1 : 0));
}
