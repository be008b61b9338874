import type { IdentityRecord, PersonName } from '../../domain/index.js';
import type { WireIdentity, WireUser } from './wireSchemas.js';

/**
 * A Zendesk user as an identity record. `ref.id` is the numeric id as text. Names: one entry from `name`
 * (given = first word, family = last word, null for a one-word name; none for an empty name). Emails and
 * phones: the user's primary `email`/`phone` plus the `email` and `phone_number` identities among
 * `identities` (sideloaded with `include=identities`; other users' identities are ignored), raw, without
 * duplicates (emails compared case-insensitively). `identifiers.externalId` when `external_id` is set.
 * Zendesk holds no addresses or birth date. Pure.
 */
export function mapUser(source: string, user: WireUser, identities: readonly WireIdentity[] = []): IdentityRecord {
  const own = identities.filter((identity) => identity.user_id === user.id);
  const emails = unique([user.email, ...own.filter((i) => i.type === 'email').map((i) => i.value)], (v) => v.toLowerCase());
  const phones = unique([user.phone, ...own.filter((i) => i.type === 'phone_number').map((i) => i.value)], (v) => v);
  const externalId = user.external_id === null || user.external_id === undefined ? '' : String(user.external_id).trim();
  return {
    ref: { source, id: String(user.id) },
    names: nameOf(user.name),
    emails,
    phones,
    addresses: [],
    birthDate: null,
    identifiers: externalId === '' ? {} : { externalId },
    createdAt: user.created_at ?? null,
    updatedAt: user.updated_at ?? null,
  };
}

function nameOf(name: string | null | undefined): PersonName[] {
  const full = (name ?? '').trim();
  if (full === '') return [];
  const words = full.split(/\s+/);
  return [{ given: words[0] ?? null, family: words.length > 1 ? (words[words.length - 1] ?? null) : null, full }];
}

function unique(values: ReadonlyArray<string | null | undefined>, keyOf: (value: string) => string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of values) {
    const value = raw?.trim() ?? '';
    if (value === '' || seen.has(keyOf(value))) continue;
    seen.add(keyOf(value));
    out.push(value);
  }
  return out;
}
