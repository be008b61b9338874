import type { SandboxDataset, SandboxPerson } from '../dataset/types.js';

/** A contact as the HubSpot fake stores it: its id and its properties (HubSpot sends every property as a string). */
export interface HubSpotContact {
  readonly id: string;
  readonly properties: Readonly<Record<string, string | null>>;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The HubSpot portal's contacts and which person each one is. */
export interface HubSpotContacts {
  readonly contacts: readonly HubSpotContact[];
  readonly truth: ReadonlyArray<{ readonly id: string; readonly personId: string }>;
}

/**
 * A seeded HubSpot portal from the dataset: `share` (default 0.5) of the people, picked deterministically by
 * person id, as contacts with HubSpot's property names (`firstname`, `lastname`, `email`, `phone`,
 * `mobilephone`, `hs_searchable_calculated_phone_number` / `_mobile_number`, `address`, `city`, `state`, `zip`, `country`, `date_of_birth`, `createdate`,
 * `lastmodifieddate`, `hs_object_id`). Phones are as people type them (`+1 415-555-1212`), some only as a
 * mobile; some emails are missing. Ids are HubSpot-like numeric strings. Deterministic.
 */
export function createHubSpotContacts(dataset: SandboxDataset, share = 0.5): HubSpotContacts {
  const contacts: HubSpotContact[] = [];
  const truth: Array<{ id: string; personId: string }> = [];
  dataset.people.forEach((person, i) => {
    const h = hash(`${dataset.seed}:hubspot:${person.personId}`);
    if (h % 1000 >= share * 1000) return;
    const id = String(51_000 + i * 3);
    truth.push({ id, personId: person.personId });
    contacts.push(contact(person, id, h));
  });
  return { contacts, truth };
}

function contact(person: SandboxPerson, id: string, h: number): HubSpotContact {
  const created = new Date(Date.UTC(2024, h % 12, 1 + (h % 27), 8, h % 60)).toISOString();
  const updated = new Date(Date.parse(created) + (h % 200) * 86_400_000).toISOString();
  const national = person.phone.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, '+1 $1-$2-$3');
  const onMobile = h % 4 === 0;
  return {
    id,
    createdAt: created,
    updatedAt: updated,
    properties: {
      hs_object_id: id,
      firstname: person.givenName,
      lastname: person.familyName,
      email: h % 10 === 0 ? null : person.email,
      phone: onMobile ? null : national,
      mobilephone: onMobile ? national : null,
      // HubSpot's calculated, digits-only copies (national number) that search filters on.
      hs_searchable_calculated_phone_number: onMobile ? null : person.phone.replace(/^\+1/, ''),
      hs_searchable_calculated_mobile_number: onMobile ? person.phone.replace(/^\+1/, '') : null,
      address: person.address.line1,
      city: person.address.city,
      state: person.address.region,
      zip: person.address.postcode,
      country: person.address.country === 'US' ? 'United States' : person.address.country,
      date_of_birth: person.birthDate,
      lifecyclestage: h % 3 === 0 ? 'customer' : 'lead',
      createdate: created,
      lastmodifieddate: updated,
    },
  };
}

/** FNV-1a, for a deterministic pick without a PRNG. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
