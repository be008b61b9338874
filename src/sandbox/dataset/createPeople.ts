import type { Faker } from '@faker-js/faker';
import { createEmailFactory } from './createEmailFactory.js';
import { createPhoneFactory } from './createPhoneFactory.js';
import type { DatasetContext } from './DatasetContext.js';
import { NICKNAMES } from './nicknames.js';
import { pickSystems } from './pickSystems.js';
import type { SandboxAddress, SandboxPerson } from './types.js';

/** Chance that a person starts a 2-person household with the next one: about 5% of people end up in one. */
const HOUSEHOLD_START_RATE = 0.025;
/** Share of people (outside shared-email households) with no email at all. */
const NO_EMAIL_RATE = 0.03;
/** Share of non-holders in a shared-email household who have a personal email. */
const NON_HOLDER_EMAIL_RATE = 0.7;
/** Share of given names drawn from the nickname table, so nicknames show up often enough to matter. */
const NICKNAMEABLE_RATE = 0.3;
/** Share of households whose second member keeps the first member's family name. */
const SAME_FAMILY_RATE = 0.85;

/** A 2-person household's shared email and the member whose canonical `email` it is. */
export interface SharedEmail {
  readonly email: string;
  readonly holderId: string;
}

/** The ground-truth people and, by household id, the shared email of every 2-person household. */
export interface People {
  readonly people: readonly SandboxPerson[];
  readonly sharedEmails: ReadonlyMap<string, SharedEmail>;
}

interface Name {
  readonly given: string;
  readonly family: string;
}

/**
 * Draws `size` people (`p0001`...; ids zero-padded to a common width so they sort as text) in id order.
 * Every 2-person household shares an address and a shared email; the holder's `email` is the shared one, the
 * other member's is personal or null. Phones are unique; emails are unique except that shared one.
 */
export function createPeople(ctx: DatasetContext, size: number): People {
  const { faker, clock } = ctx;
  const width = Math.max(4, String(size).length);
  const nextEmail = createEmailFactory(faker);
  const nextPhone = createPhoneFactory(faker);
  const people: SandboxPerson[] = [];
  const sharedEmails = new Map<string, SharedEmail>();
  const person = (name: Name, email: string | null, address: SandboxAddress, householdId: string): SandboxPerson => ({
    personId: `p${String(people.length + 1).padStart(width, '0')}`,
    givenName: name.given,
    familyName: name.family,
    email,
    phone: nextPhone(),
    birthDate: clock.date(faker.date.birthdate({ mode: 'age', min: 18, max: 85, refDate: clock.nowMs }).getTime()),
    address,
    householdId,
    systems: pickSystems(faker),
  });

  for (let household = 1; people.length < size; household++) {
    const householdId = `h${String(household).padStart(width, '0')}`;
    const address = randomAddress(faker);
    const first = randomName(faker);
    if (people.length + 1 === size || !faker.datatype.boolean(HOUSEHOLD_START_RATE)) {
      const email = faker.datatype.boolean(NO_EMAIL_RATE) ? null : nextEmail.personal(first.given, first.family);
      people.push(person(first, email, address, householdId));
      continue;
    }
    const shared = nextEmail.household(first.family);
    const holderIndex = faker.datatype.boolean() ? 0 : 1;
    const members = [first, partnerName(faker, first)].map((name, index) => {
      const email =
        index === holderIndex
          ? shared
          : faker.datatype.boolean(NON_HOLDER_EMAIL_RATE)
            ? nextEmail.personal(name.given, name.family)
            : null;
      const member = person(name, email, address, householdId);
      people.push(member);
      return member;
    });
    sharedEmails.set(householdId, { email: shared, holderId: members[holderIndex]?.personId ?? '' });
  }
  return { people, sharedEmails };
}

const FORMAL_NAMES = {
  female: NICKNAMES.filter((pair) => pair.sex === 'female').map((pair) => pair.formal),
  male: NICKNAMES.filter((pair) => pair.sex === 'male').map((pair) => pair.formal),
};

function randomName(faker: Faker): Name {
  const sex = faker.helpers.arrayElement(['female', 'male'] as const);
  const given = faker.datatype.boolean(NICKNAMEABLE_RATE)
    ? faker.helpers.arrayElement(FORMAL_NAMES[sex])
    : faker.person.firstName(sex);
  return { given, family: faker.person.lastName() };
}

/** A second household member: a different given name, usually the same family name. */
function partnerName(faker: Faker, first: Name): Name {
  let candidate = randomName(faker);
  while (candidate.given === first.given) candidate = randomName(faker);
  return faker.datatype.boolean(SAME_FAMILY_RATE) ? { given: candidate.given, family: first.family } : candidate;
}

function randomAddress(faker: Faker): SandboxAddress {
  const region = faker.location.state({ abbreviated: true });
  return {
    line1: faker.location.streetAddress(),
    city: faker.location.city(),
    region,
    postcode: faker.location.zipCode({ state: region }),
    country: 'US',
  };
}
