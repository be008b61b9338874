import { isoDate, type CalendarDate } from './corruptDate.js';
import { STREET_TYPES, formatStreet } from './corruptAddress.js';
import { formatPhone } from './corruptPhone.js';
import { corruptRecord, observe, type ObservedRecord } from './corruptRecord.js';
import { createPopulation, type PopulationOptions, type TruePerson } from './createPopulation.js';
import { createRandom, type Random } from './createRandom.js';
import { DEFAULT_LINKAGE_SOURCES, type LinkageField, type LinkageSourceSpec } from './linkageSources.js';
import { toCsv } from './toCsv.js';

/** Options of {@link generateLinkageBenchmark}; every one has a default. */
export interface LinkageBenchmarkOptions extends Partial<PopulationOptions> {
  /** Seed of every random draw (default 1): the same seed and options give byte-identical files. */
  readonly seed?: number;
  /** The simulated sources (default {@link DEFAULT_LINKAGE_SOURCES}: crm, shop, support). */
  readonly sources?: readonly LinkageSourceSpec[];
}

/** Defaults of the population shape (people, households 20 %, shared household email 30 %, twins 2 %, namesakes 4 %). */
export const DEFAULT_POPULATION: PopulationOptions = {
  size: 2_000, householdRate: 0.2, householdSharedEmailRate: 0.3, twinRate: 0.02, namesakeRate: 0.04, nameZipfExponent: 1,
};

/** One generated file: name relative to the output directory, and its text. */
export interface LinkageFile {
  readonly name: string;
  readonly text: string;
}

/** Counts that describe a generated benchmark (also written as `manifest.json`). */
export interface LinkageSummary {
  readonly seed: number;
  readonly options: PopulationOptions;
  readonly people: number;
  readonly records: Readonly<Record<string, number>>;
  /** People by how many sources hold them: `{ "1": 820, "2": 900, "3": 280 }`. */
  readonly peopleBySourceCount: Readonly<Record<string, number>>;
  /** People with 2+ records in one source, per source. */
  readonly duplicatedWithinSource: Readonly<Record<string, number>>;
  /** Record pairs that are the same person (the positives a pairwise evaluation counts). */
  readonly truePairs: number;
  readonly households: number;
  readonly peopleInHouseholds: number;
  readonly twins: number;
  readonly namesakes: number;
  /** Errors applied, by `kind:field`. */
  readonly errors: Readonly<Record<string, number>>;
  /** The most frequent surnames and how many people hold each. */
  readonly topSurnames: ReadonlyArray<readonly [string, number]>;
}

/** A generated benchmark: the files to write, the clean population and a summary. */
export interface LinkageBenchmark {
  readonly files: readonly LinkageFile[];
  readonly people: readonly TruePerson[];
  readonly summary: LinkageSummary;
}

function validate(options: PopulationOptions, sources: readonly LinkageSourceSpec[]): void {
  if (!Number.isInteger(options.size) || options.size < 1 || options.size > 1_000_000) throw new RangeError(`size must be an integer 1..1000000, got ${options.size}`);
  for (const key of ['householdRate', 'householdSharedEmailRate', 'twinRate', 'namesakeRate'] as const) {
    if (!(options[key] >= 0 && options[key] <= 1)) throw new RangeError(`${key} must be 0..1, got ${options[key]}`);
  }
  if (!(options.nameZipfExponent >= 0 && options.nameZipfExponent <= 3)) throw new RangeError(`nameZipfExponent must be 0..3, got ${options.nameZipfExponent}`);
  if (sources.length === 0) throw new RangeError('sources must list at least one source');
  if (new Set(sources.map((s) => s.name)).size !== sources.length) throw new RangeError('source names must be unique');
}

const DATE_FORMATS = {
  iso: isoDate,
  compact: (d: CalendarDate) => isoDate(d).replace(/-/g, ''),
  us: (d: CalendarDate) => `${String(d.month).padStart(2, '0')}/${String(d.day).padStart(2, '0')}/${d.year}`,
};

function formatRecord(rec: ObservedRecord, spec: LinkageSourceSpec, random: Random): Record<LinkageField | 'fullName', string | null> {
  const lower = random.chance(spec.lowerCaseRate);
  const text = (value: string | null): string | null => (value === null ? null : lower ? value.toLowerCase() : value);
  let street = rec.street;
  if (street && street.streetType in STREET_TYPES && random.chance(spec.abbreviateStreetRate)) street = { ...street, streetType: STREET_TYPES[street.streetType]![0]! };
  const phoneFormat = random.weighted(spec.phoneFormats);
  const dateFormat = random.weighted(spec.dateFormats);
  const fullName = [rec.givenName, rec.familyName].filter((n) => n !== null).join(' ');
  return {
    givenName: text(rec.givenName),
    familyName: text(rec.familyName),
    fullName: text(fullName || null),
    birthDate: rec.birthDate && DATE_FORMATS[dateFormat](rec.birthDate),
    email: text(rec.email),
    phone: rec.phone && formatPhone(rec.phone, phoneFormat),
    street: text(street && formatStreet(street)),
    city: text(rec.city),
    state: rec.state,
    postcode: rec.postcode,
  };
}

const FIELD_ORDER: readonly LinkageField[] = ['givenName', 'familyName', 'email', 'phone', 'street', 'city', 'state', 'postcode', 'birthDate'];

/**
 * Generates a seeded record-linkage benchmark: a population with households, twins and namesakes, then for each
 * source a CSV of noisy copies of the people it holds (some people in one source, some in several, some twice in
 * one), a truth file and a manifest. Pure: no I/O; throws a RangeError naming a bad option. Files:
 * `<source>.csv` per source; `truth.csv` (`source,record_id,person_id,household_id,errors`); `people.csv` (the
 * clean population); `manifest.json` (the {@link LinkageSummary}). The c360 config is made by
 * `linkageConfigYaml`, since it needs the directory the files are written to.
 */
export function generateLinkageBenchmark(options: LinkageBenchmarkOptions = {}): LinkageBenchmark {
  const seed = options.seed ?? 1;
  const sources = options.sources ?? DEFAULT_LINKAGE_SOURCES;
  const population: PopulationOptions = {
    size: options.size ?? DEFAULT_POPULATION.size,
    householdRate: options.householdRate ?? DEFAULT_POPULATION.householdRate,
    householdSharedEmailRate: options.householdSharedEmailRate ?? DEFAULT_POPULATION.householdSharedEmailRate,
    twinRate: options.twinRate ?? DEFAULT_POPULATION.twinRate,
    namesakeRate: options.namesakeRate ?? DEFAULT_POPULATION.namesakeRate,
    nameZipfExponent: options.nameZipfExponent ?? DEFAULT_POPULATION.nameZipfExponent,
  };
  validate(population, sources);
  const random = createRandom(seed);
  const people = createPopulation(population, random);

  type Row = { person: TruePerson; values: Record<LinkageField | 'fullName', string | null>; errors: string[] };
  const rows = new Map<string, Row[]>(sources.map((s) => [s.name, []]));
  const bySourceCount: Record<string, number> = {};
  const duplicated: Record<string, number> = Object.fromEntries(sources.map((s) => [s.name, 0]));
  const errorCounts: Record<string, number> = {};
  for (const person of people) {
    let held = sources.filter((s) => random.chance(s.coverage));
    if (held.length === 0) held = [random.weighted(sources.map((s) => [s, s.coverage] as const))];
    bySourceCount[held.length] = (bySourceCount[held.length] ?? 0) + 1;
    for (const spec of held) {
      const copies = random.chance(spec.duplicateRate) ? (random.chance(0.25) ? 3 : 2) : 1;
      if (copies > 1) duplicated[spec.name]!++;
      for (let c = 0; c < copies; c++) {
        const record = observe(person, spec, random);
        const errors = corruptRecord(record, random.weighted(spec.errorsPerRecord.map((w, n) => [n, w] as const)), random);
        for (const e of errors) errorCounts[e] = (errorCounts[e] ?? 0) + 1;
        rows.get(spec.name)!.push({ person, values: formatRecord(record, spec, random), errors });
      }
    }
  }

  const files: LinkageFile[] = [];
  const truth: Array<Array<string | null>> = [];
  const records: Record<string, number> = {};
  for (const spec of sources) {
    const list = random.shuffle(rows.get(spec.name)!);
    records[spec.name] = list.length;
    const fields = FIELD_ORDER.filter((f) => spec.columns[f] !== undefined);
    const header = [spec.columns.id, ...(spec.columns.fullName ? [spec.columns.fullName] : []), ...fields.map((f) => spec.columns[f]!)];
    const width = String(list.length).length + 1;
    const csvRows = list.map((row, i) => {
      const id = `${spec.idPrefix}${String(i + 1).padStart(Math.max(6, width), '0')}`;
      truth.push([spec.name, id, row.person.personId, row.person.householdId, row.errors.join(';')]);
      return [id, ...(spec.columns.fullName ? [row.values.fullName] : []), ...fields.map((f) => row.values[f])];
    });
    files.push({ name: `${spec.name}.csv`, text: toCsv(header, csvRows) });
  }
  files.push({ name: 'truth.csv', text: toCsv(['source', 'record_id', 'person_id', 'household_id', 'errors'], truth) });
  files.push({
    name: 'people.csv',
    text: toCsv(
      ['person_id', 'household_id', 'sex', 'given_name', 'family_name', 'birth_date', 'email', 'phone', 'street', 'city', 'state', 'postcode', 'namesake_of', 'twin_of'],
      people.map((p) => [p.personId, p.householdId, p.sex, p.givenName, p.familyName, isoDate(p.birthDate), p.email, p.phone, formatStreet(p.residence.street), p.residence.city, p.residence.state, p.residence.postcode, p.namesakeOf, p.twinOf]),
    ),
  });

  const perPerson = new Map<string, number>();
  for (const [, , personId] of truth) perPerson.set(personId!, (perPerson.get(personId!) ?? 0) + 1);
  const surnameCounts = new Map<string, number>();
  for (const p of people) surnameCounts.set(p.familyName, (surnameCounts.get(p.familyName) ?? 0) + 1);
  const households = new Set(people.flatMap((p) => (p.householdId ? [p.householdId] : [])));
  const summary: LinkageSummary = {
    seed,
    options: population,
    people: people.length,
    records,
    peopleBySourceCount: bySourceCount,
    duplicatedWithinSource: duplicated,
    truePairs: [...perPerson.values()].reduce((sum, n) => sum + (n * (n - 1)) / 2, 0),
    households: households.size,
    peopleInHouseholds: people.filter((p) => p.householdId !== null).length,
    twins: people.filter((p) => p.twinOf !== null).length,
    namesakes: people.filter((p) => p.namesakeOf !== null).length,
    errors: Object.fromEntries(Object.entries(errorCounts).sort(([a], [b]) => a.localeCompare(b))),
    topSurnames: [...surnameCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5),
  };
  files.push({ name: 'manifest.json', text: `${JSON.stringify(summary, null, 2)}\n` });
  return { files, people, summary };
}
