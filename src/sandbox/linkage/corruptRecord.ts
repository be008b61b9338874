import { addressError } from './corruptAddress.js';
import { corruptDate } from './corruptDate.js';
import { corruptEmail } from './corruptEmail.js';
import { phoneError } from './corruptPhone.js';
import { randomResidence, type TruePerson } from './createPopulation.js';
import type { Random } from './createRandom.js';
import { keyboardTypo } from './keyboardTypo.js';
import { nicknameFor } from './linkageNicknames.js';
import { sourceHas, type LinkageField, type LinkageSourceSpec } from './linkageSources.js';
import { ocrError } from './ocrError.js';
import { phoneticError } from './phoneticError.js';
import type { CalendarDate } from './corruptDate.js';
import type { StreetAddress } from './corruptAddress.js';

/** One source's view of a person before formatting: any field may be missing (null). */
export interface ObservedRecord {
  givenName: string | null;
  familyName: string | null;
  birthDate: CalendarDate | null;
  email: string | null;
  phone: string | null;
  street: StreetAddress | null;
  city: string | null;
  state: string | null;
  postcode: string | null;
}

/** The kinds of error a record can get; each is logged in the truth file as `kind:field`. */
export type RecordErrorKind =
  | 'typo' | 'phonetic' | 'ocr' | 'nameSwap' | 'blank' | 'nickname'
  | 'date' | 'email' | 'phone' | 'streetType' | 'streetTypo' | 'houseNumber' | 'moved';

/** Relative frequency of each error kind (among those that apply to the record). */
export const RECORD_ERROR_WEIGHTS: Readonly<Record<RecordErrorKind, number>> = {
  typo: 20, phonetic: 8, ocr: 5, nameSwap: 5, blank: 12, nickname: 8,
  date: 8, email: 10, phone: 8, streetType: 5, streetTypo: 4, houseNumber: 3, moved: 4,
};

const NAME_FIELDS = ['givenName', 'familyName'] as const;

/** The record a source holds for `person` before errors: the fields the source has, some left blank. */
export function observe(person: TruePerson, spec: LinkageSourceSpec, random: Random): ObservedRecord {
  const keep = (field: LinkageField): boolean => sourceHas(spec, field) && !random.chance(spec.missing[field] ?? 0);
  const r = person.residence;
  return {
    givenName: keep('givenName') ? person.givenName : null,
    familyName: keep('familyName') ? person.familyName : null,
    birthDate: keep('birthDate') ? person.birthDate : null,
    email: keep('email') ? person.email : null,
    phone: keep('phone') ? person.phone : null,
    street: keep('street') ? r.street : null,
    city: keep('city') ? r.city : null,
    state: keep('state') ? r.state : null,
    postcode: keep('postcode') ? r.postcode : null,
  };
}

type Apply = (record: ObservedRecord, random: Random) => string | null;

const present = (record: ObservedRecord, fields: readonly (keyof ObservedRecord)[]): Array<keyof ObservedRecord> => fields.filter((f) => record[f] !== null);

// Each applies one error in place and returns the field it touched, or null when it does not apply.
const ERRORS: Readonly<Record<RecordErrorKind, Apply>> = {
  typo: (rec, random) => {
    const fields = present(rec, ['givenName', 'familyName', 'familyName', 'city']);
    if (fields.length === 0) return null;
    const field = random.pick(fields) as 'givenName' | 'familyName' | 'city';
    rec[field] = keyboardTypo(rec[field]!, random);
    return field;
  },
  phonetic: (rec, random) => {
    for (const field of random.shuffle(present(rec, NAME_FIELDS)) as Array<'givenName' | 'familyName'>) {
      const out = phoneticError(rec[field]!, random);
      if (out !== rec[field]) return (rec[field] = out), field;
    }
    return null;
  },
  ocr: (rec, random) => {
    for (const field of random.shuffle(present(rec, [...NAME_FIELDS, 'street'])) as Array<'givenName' | 'familyName' | 'street'>) {
      if (field === 'street') {
        const out = ocrError(rec.street!.streetName, random);
        if (out !== rec.street!.streetName) return (rec.street = { ...rec.street!, streetName: out }), field;
        continue;
      }
      const out = ocrError(rec[field]!, random);
      if (out !== rec[field]) return (rec[field] = out), field;
    }
    return null;
  },
  nameSwap: (rec) => {
    if (rec.givenName === null || rec.familyName === null || rec.givenName === rec.familyName) return null;
    [rec.givenName, rec.familyName] = [rec.familyName, rec.givenName];
    return 'name';
  },
  blank: (rec, random) => {
    const fields = present(rec, ['givenName', 'familyName', 'birthDate', 'email', 'phone', 'street', 'city', 'postcode']);
    // Keep at least two filled fields: a record with less is not worth keeping in any system.
    if (fields.length <= 2) return null;
    const field = random.pick(fields);
    rec[field] = null;
    return field;
  },
  nickname: (rec, random) => {
    if (rec.givenName === null) return null;
    const nick = nicknameFor(rec.givenName, random);
    if (nick === null) return null;
    rec.givenName = nick;
    return 'givenName';
  },
  date: (rec, random) => (rec.birthDate === null ? null : ((rec.birthDate = corruptDate(rec.birthDate, random)), 'birthDate')),
  email: (rec, random) => (rec.email === null ? null : ((rec.email = corruptEmail(rec.email, random)), 'email')),
  phone: (rec, random) => (rec.phone === null ? null : ((rec.phone = phoneError(rec.phone, random.chance(0.6) ? 'digitTypo' : 'digitsTransposed', random)), 'phone')),
  streetType: (rec, random) => (rec.street === null ? null : ((rec.street = addressError(rec.street, 'streetTypeAbbreviated', random)), 'street')),
  streetTypo: (rec, random) => (rec.street === null ? null : ((rec.street = addressError(rec.street, 'streetNameTypo', random)), 'street')),
  houseNumber: (rec, random) => (rec.street === null ? null : ((rec.street = addressError(rec.street, 'houseNumberTypo', random)), 'street')),
  moved: (rec, random) => {
    if (rec.street === null && rec.city === null && rec.postcode === null) return null;
    const next = randomResidence(random);
    // Most moves stay in the same town.
    const sameTown = random.chance(0.6);
    if (rec.street !== null) rec.street = next.street;
    if (rec.city !== null && !sameTown) rec.city = next.city;
    if (rec.state !== null && !sameTown) rec.state = next.state;
    if (rec.postcode !== null) rec.postcode = sameTown ? rec.postcode.slice(0, 3) + next.postcode.slice(3) : next.postcode;
    return 'address';
  },
};

/**
 * Applies `count` errors to `record` in place, each of a kind drawn by {@link RECORD_ERROR_WEIGHTS} among the
 * kinds that apply to what the record holds. Returns the errors applied as `kind:field` (fewer than `count` when
 * nothing more applies).
 */
export function corruptRecord(record: ObservedRecord, count: number, random: Random): string[] {
  const applied: string[] = [];
  for (let i = 0; i < count; i++) {
    let kinds = Object.entries(RECORD_ERROR_WEIGHTS) as Array<[RecordErrorKind, number]>;
    while (kinds.length > 0) {
      const kind = random.weighted(kinds);
      const field = ERRORS[kind](record, random);
      if (field !== null) {
        applied.push(`${kind}:${field}`);
        break;
      }
      kinds = kinds.filter(([k]) => k !== kind);
    }
  }
  return applied;
}
