import { type CalendarDate } from './corruptDate.js';
import { STREET_TYPES, type StreetAddress } from './corruptAddress.js';
import { EMAIL_DOMAINS } from './corruptEmail.js';
import { createZipfSampler, type Random } from './createRandom.js';
import { CITIES, COMMON_GIVEN_NAMES, COMMON_SURNAMES, STATES, STREET_WORDS, TAIL_GIVEN_NAMES, TAIL_SURNAMES } from './namePools.js';

/** Where a person lives. */
export interface Residence {
  readonly street: StreetAddress;
  readonly city: string;
  readonly state: string;
  readonly postcode: string;
}

/** One real person of the benchmark: the clean values every source record of theirs is a noisy copy of. */
export interface TruePerson {
  /** `P000001`…: the truth every record is labelled with. */
  readonly personId: string;
  /** Shared by the members of a household of 2-4 people; null for people living alone. */
  readonly householdId: string | null;
  readonly sex: 'F' | 'M';
  readonly givenName: string;
  readonly familyName: string;
  readonly birthDate: CalendarDate;
  readonly email: string;
  /** 10 digits; household members share the home number. */
  readonly phone: string;
  readonly residence: Residence;
  /** The unrelated person whose given and family name this person shares (a namesake), or null. */
  readonly namesakeOf: string | null;
  /** The household member born the same day (a twin), or null. */
  readonly twinOf: string | null;
}

/** Shape of the population. Rates are shares of all people, 0..1. */
export interface PopulationOptions {
  readonly size: number;
  /** People living in a household of 2-4 (same surname, address and home phone). */
  readonly householdRate: number;
  /** Households whose members also share one email address. */
  readonly householdSharedEmailRate: number;
  /** People who are one of a pair of twins (same household, surname and birth date; different given name). */
  readonly twinRate: number;
  /** People who share given and family name with an unrelated person (a common name, a different person). */
  readonly namesakeRate: number;
  /** Exponent of the Zipf-like surname and given-name frequencies (1: a few names very common). */
  readonly nameZipfExponent: number;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** A new random residence (also used for "moved house"). */
export function randomResidence(random: Random): Residence {
  const streetName = random.chance(0.5) ? random.pick(STREET_WORDS) : random.pick(TAIL_SURNAMES);
  return {
    street: { houseNumber: String(random.int(1, random.chance(0.7) ? 999 : 19_999)), streetName, streetType: random.weighted(Object.keys(STREET_TYPES).map((t, i) => [t, i < 4 ? 10 : 2] as const)) },
    city: random.pick(CITIES),
    state: random.pick(STATES),
    postcode: pad(random.int(1_001, 99_950), 5),
  };
}

function randomPhone(random: Random): string {
  return `${random.int(2, 9)}${pad(random.int(0, 99), 2)}${random.int(2, 9)}${pad(random.int(0, 99), 2)}${pad(random.int(0, 9_999), 4)}`;
}

function randomBirthDate(random: Random, minYear: number, maxYear: number): CalendarDate {
  return { year: random.int(minYear, maxYear), month: random.int(1, 12), day: random.int(1, 28) };
}

/**
 * Creates the true population: Zipf-distributed names, then exactly `round(householdRate × size)` people in
 * households (rounded to whole households of 2-4), `round(twinRate × size)` twins (whole pairs, at most one pair per
 * household) and `round(namesakeRate × size)` namesakes among the people living alone. Emails are unique except
 * where a household shares one. Deterministic for a given `random` state.
 */
export function createPopulation(options: PopulationOptions, random: Random): TruePerson[] {
  const { size } = options;
  const surnames = [...COMMON_SURNAMES, ...random.shuffle(TAIL_SURNAMES)];
  const givens = { F: [...COMMON_GIVEN_NAMES.F, ...random.shuffle(TAIL_GIVEN_NAMES.F)], M: [...COMMON_GIVEN_NAMES.M, ...random.shuffle(TAIL_GIVEN_NAMES.M)] };
  const surnameRank = createZipfSampler(surnames.length, options.nameZipfExponent);
  const givenRank = { F: createZipfSampler(givens.F.length, options.nameZipfExponent), M: createZipfSampler(givens.M.length, options.nameZipfExponent) };
  type Draft = { -readonly [K in keyof TruePerson]: TruePerson[K] } & { sharedEmail: boolean };
  const people: Draft[] = [];
  for (let i = 0; i < size; i++) {
    const sex = random.chance(0.5) ? 'F' : 'M';
    people.push({
      personId: `P${pad(i + 1, 6)}`, householdId: null, sex, givenName: givens[sex][givenRank[sex](random)]!,
      familyName: surnames[surnameRank(random)]!, birthDate: randomBirthDate(random, 1940, 2006), email: '',
      phone: randomPhone(random), residence: randomResidence(random), namesakeOf: null, twinOf: null, sharedEmail: false,
    });
  }

  // Households: the first `inHouseholds` people, in groups of 2-4 that never leave a single person over.
  let inHouseholds = Math.round(options.householdRate * size);
  if (inHouseholds < 2) inHouseholds = 0;
  const households: Draft[][] = [];
  for (let start = 0; start < inHouseholds; ) {
    const remaining = inHouseholds - start;
    let n = Math.min(remaining, random.weighted([[2, 50], [3, 25], [4, 25]] as const));
    if (remaining - n === 1) n = n === 2 ? 3 : n - 1;
    const members = people.slice(start, start + n);
    const head = members[0]!;
    const used = new Set([head.givenName]);
    for (const member of members.slice(1)) {
      member.familyName = head.familyName;
      member.residence = head.residence;
      member.phone = head.phone;
      while (used.has(member.givenName)) member.givenName = givens[member.sex][givenRank[member.sex](random)]!;
      used.add(member.givenName);
    }
    const shared = random.chance(options.householdSharedEmailRate);
    members.forEach((m) => ((m.householdId = `H${pad(households.length + 1, 5)}`), (m.sharedEmail = shared)));
    households.push(members);
    start += n;
  }

  // Twins: whole pairs, one per household, in a random order of households.
  let twins = Math.floor(Math.round(options.twinRate * size) / 2);
  for (const members of random.shuffle(households)) {
    if (twins === 0) break;
    const [a, b] = [members[0]!, members[1]!];
    b.birthDate = a.birthDate;
    b.twinOf = a.personId;
    a.twinOf = b.personId;
    twins--;
  }

  // Namesakes: people living alone who get the given and family name of another person with a common surname.
  const singles = people.slice(inHouseholds);
  const namesakes = Math.min(Math.round(options.namesakeRate * size), Math.floor(singles.length / 2));
  const targets = singles.slice(namesakes);
  const common = new Set(surnames.slice(0, 30));
  const pool = targets.filter((t) => common.has(t.familyName));
  for (const person of singles.slice(0, namesakes)) {
    const target = random.pick(pool.length > 0 ? pool : targets);
    person.givenName = target.givenName;
    person.familyName = target.familyName;
    person.sex = target.sex;
    person.namesakeOf = target.personId;
    while (person.birthDate.year === target.birthDate.year) person.birthDate = randomBirthDate(random, 1940, 2006);
  }

  // Emails last, from the final names; unique across people except a household's shared address.
  const taken = new Set<string>();
  const fresh = (given: string, family: string): string => {
    const g = given.toLowerCase();
    const f = family.toLowerCase();
    const domain = random.weighted(EMAIL_DOMAINS.map((d, i) => [d, i < 3 ? 6 : 2] as const));
    for (let attempt = 0; ; attempt++) {
      const local = random.pick([`${g}.${f}`, `${g}${f}`, `${g[0]}${f}`, `${f}.${g}`, `${g}_${f}`, `${g}${f[0]}`, `${g}.${f}${random.int(1, 99)}`]);
      const email = `${attempt > 3 ? `${local}${random.int(100, 9999)}` : local}@${domain}`;
      if (!taken.has(email)) return taken.add(email), email;
    }
  };
  for (const members of households) {
    if (!members[0]!.sharedEmail) continue;
    const email = fresh(random.pick(['the', 'family', members[0]!.givenName]), `${members[0]!.familyName}${random.pick(['', 's', 'family'])}`);
    for (const m of members) m.email = email;
  }
  for (const person of people) if (!person.email) person.email = fresh(person.givenName, person.familyName);

  return people.map(({ sharedEmail: _shared, ...person }) => person);
}
