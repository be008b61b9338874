import type { ConsentStatement, IdentityRecord, PostalAddress } from '../../domain/index.js';
import { toIsoDateTime } from './toIsoDateTime.js';
import type { WireContact } from './wireSchemas.js';

/**
 * Maps a Contact to what identity matching sees. Values stay raw (the identity layer normalises): one
 * name `{given: FirstName, family: LastName, full: Name}`, `Email` if present, `Phone` then `MobilePhone`
 * when non-empty, one address from the `Mailing*` fields when any is set, `Birthdate`, no identifiers, and
 * the `…+0000` timestamps as ISO `…Z`. `ref` is `{source, id: Id}` (the 18-char id Salesforce returns).
 * Consent: `HasOptedOutOfEmail` → email, `DoNotCall` → phone (true = OPTED_OUT, false = NO_OBJECTION, absent
 * = no statement), timed at `LastModifiedDate` (Salesforce keeps no per-field change time without history).
 */
export function mapContact(contact: WireContact, source: string): IdentityRecord {
  const given = present(contact.FirstName);
  const family = present(contact.LastName);
  const full = present(contact.Name);
  const address: PostalAddress = {
    line1: present(contact.MailingStreet),
    city: present(contact.MailingCity),
    region: present(contact.MailingState),
    postcode: present(contact.MailingPostalCode),
    country: present(contact.MailingCountry),
  };
  const email = present(contact.Email);
  return {
    ref: { source, id: contact.Id },
    names: given === null && family === null && full === null ? [] : [{ given, family, full }],
    emails: email === null ? [] : [email],
    phones: [contact.Phone, contact.MobilePhone].map(present).filter((p): p is string => p !== null),
    addresses: Object.values(address).some((part) => part !== null) ? [address] : [],
    birthDate: present(contact.Birthdate),
    identifiers: {},
    createdAt: toIsoDateTime(contact.CreatedDate),
    updatedAt: toIsoDateTime(contact.LastModifiedDate),
    // Only when the source stated something, so records without consent fields keep their old shape.
    ...withConsent(consentOf(contact)),
  };
}

function consentOf(contact: WireContact): ConsentStatement[] {
  const updatedAt = toIsoDateTime(contact.LastModifiedDate);
  const flags = [
    { channel: 'email', field: 'HasOptedOutOfEmail', value: contact.HasOptedOutOfEmail },
    { channel: 'phone', field: 'DoNotCall', value: contact.DoNotCall },
  ] as const;
  return flags.flatMap(({ channel, field, value }) =>
    typeof value === 'boolean' ? [{ channel, status: value ? ('OPTED_OUT' as const) : ('NO_OBJECTION' as const), sourceValue: `${field}=${value}`, updatedAt }] : [],
  );
}

/** The value, or null when missing or blank. */
function present(value: string | null | undefined): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : value;
}

function withConsent(consent: ConsentStatement[]): { consent?: ConsentStatement[] } {
  return consent.length ? { consent } : {};
}
