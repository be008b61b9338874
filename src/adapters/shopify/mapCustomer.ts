import type { ConsentStatement, ConsentStatus, IdentityRecord, PersonName, PostalAddress } from '../../domain/index.js';
import { toShopifyId } from './shopifyIds.js';
import type { WireCustomer } from './wireSchemas.js';

/**
 * Maps a Shopify Customer onto an IdentityRecord (pure). `ref.id` is the numeric part of the GID.
 * Names: one entry `{given: firstName, family: lastName, full: displayName}`, none when both name parts
 * are empty (displayName then holds an email or phone, not a name). Email from
 * `defaultEmailAddress.emailAddress`, else the deprecated `email`; phone likewise from
 * `defaultPhoneNumber.phoneNumber`, else `phone`; values are kept raw (the identity layer normalises).
 * The address from `defaultAddress` (region = `provinceCode`, country = `countryCodeV2`), none when empty.
 * Shopify holds no birth date or extra identifiers. Consent: `defaultEmailAddress.marketingState` → email,
 * `defaultPhoneNumber.marketingState` → sms (SUBSCRIBED = OPTED_IN, UNSUBSCRIBED = OPTED_OUT, any other =
 * NOT_OPTED_IN), timed at the customer's `updatedAt`.
 */
export function mapCustomer(wire: WireCustomer, source: string): IdentityRecord {
  return {
    ref: { source, id: toShopifyId(wire.id, 'Customer') ?? wire.id },
    names: namesOf(wire),
    emails: present(wire.defaultEmailAddress?.emailAddress ?? wire.email),
    phones: present(wire.defaultPhoneNumber?.phoneNumber ?? wire.phone),
    addresses: addressesOf(wire),
    birthDate: null,
    identifiers: {},
    createdAt: wire.createdAt ?? null,
    updatedAt: wire.updatedAt ?? null,
    // Only when the source stated something, so records without consent fields keep their old shape.
    ...withConsent(consentOf(wire)),
  };
}

const MARKETING: Readonly<Record<string, ConsentStatus>> = { SUBSCRIBED: 'OPTED_IN', UNSUBSCRIBED: 'OPTED_OUT' };

function consentOf(wire: WireCustomer): ConsentStatement[] {
  const updatedAt = wire.updatedAt ?? null;
  const states = [
    { channel: 'email', field: 'emailMarketingState', state: wire.defaultEmailAddress?.marketingState },
    { channel: 'sms', field: 'smsMarketingState', state: wire.defaultPhoneNumber?.marketingState },
  ] as const;
  return states.flatMap(({ channel, field, state }) =>
    state ? [{ channel, status: Object.hasOwn(MARKETING, state) ? MARKETING[state]! : ('NOT_OPTED_IN' as const), sourceValue: `${field}=${state}`, updatedAt }] : [],
  );
}

function namesOf(wire: WireCustomer): PersonName[] {
  const given = blankToNull(wire.firstName);
  const family = blankToNull(wire.lastName);
  if (given === null && family === null) return [];
  return [{ given, family, full: blankToNull(wire.displayName) ?? [given, family].filter(Boolean).join(' ') }];
}

function addressesOf(wire: WireCustomer): PostalAddress[] {
  const a = wire.defaultAddress;
  if (!a) return [];
  const address: PostalAddress = {
    line1: blankToNull(a.address1),
    city: blankToNull(a.city),
    region: blankToNull(a.provinceCode),
    postcode: blankToNull(a.zip),
    country: blankToNull(a.countryCodeV2),
  };
  return Object.values(address).some((part) => part !== null) ? [address] : [];
}

function present(value: string | null | undefined): string[] {
  return blankToNull(value) === null ? [] : [value as string];
}

function blankToNull(value: string | null | undefined): string | null {
  return value == null || value.trim() === '' ? null : value;
}

function withConsent(consent: ConsentStatement[]): { consent?: ConsentStatement[] } {
  return consent.length ? { consent } : {};
}
