import type {
  SandboxDataset,
  SandboxPerson,
  SfContact,
  ShopifyCustomer,
  ZendeskUser,
} from '../../../src/sandbox/dataset/index.js';

/** Test helper: a dataset's records joined to their ground-truth people. */
export interface DatasetIndex {
  readonly personById: ReadonlyMap<string, SandboxPerson>;
  readonly contacts: ReadonlyArray<{ readonly record: SfContact; readonly person: SandboxPerson }>;
  readonly customers: ReadonlyArray<{ readonly record: ShopifyCustomer; readonly person: SandboxPerson }>;
  readonly users: ReadonlyArray<{ readonly record: ZendeskUser; readonly person: SandboxPerson }>;
  /** Household id → its members, for households of two or more. */
  readonly households: ReadonlyMap<string, readonly SandboxPerson[]>;
  /**
   * Lower-case emails held by Salesforce contacts of two or more distinct people: the households' shared
   * emails, derived from the data rather than from the generator's internals.
   */
  readonly sharedEmails: ReadonlySet<string>;
}

/** Joins every record to its person via `truth`; throws if a truth entry names a missing record or person. */
export function indexDataset(dataset: SandboxDataset): DatasetIndex {
  const personById = new Map(dataset.people.map((person) => [person.personId, person]));
  const owner = new Map(dataset.truth.map((entry) => [`${entry.system}/${entry.id}`, entry.personId]));
  const join = <R>(system: string, records: readonly R[], id: (record: R) => string) =>
    records.map((record) => {
      const person = personById.get(owner.get(`${system}/${id(record)}`) ?? '');
      if (person === undefined) throw new Error(`no ground truth for ${system}/${id(record)}`);
      return { record, person };
    });
  const contacts = join('salesforce', dataset.salesforce.contacts, (record) => record.id);
  const households = new Map<string, SandboxPerson[]>();
  for (const person of dataset.people) households.set(person.householdId, [...(households.get(person.householdId) ?? []), person]);
  for (const [id, members] of households) if (members.length < 2) households.delete(id);
  const holdersByEmail = new Map<string, Set<string>>();
  for (const { record, person } of contacts) {
    if (record.email === null) continue;
    const email = record.email.toLowerCase();
    holdersByEmail.set(email, (holdersByEmail.get(email) ?? new Set()).add(person.personId));
  }
  return {
    personById,
    contacts,
    customers: join('shopify', dataset.shopify.customers, (record) => String(record.id)),
    users: join('zendesk', dataset.zendesk.users, (record) => String(record.id)),
    households,
    sharedEmails: new Set([...holdersByEmail].filter(([, holders]) => holders.size > 1).map(([email]) => email)),
  };
}

/** True when `variant` is `original` with one letter replaced or two adjacent letters swapped. */
export function isSingleTypo(original: string, variant: string): boolean {
  if (original.length !== variant.length || original === variant) return false;
  const diffs: number[] = [];
  for (let i = 0; i < original.length; i++) if (original[i] !== variant[i]) diffs.push(i);
  if (diffs.length === 1) return true;
  const [a, b] = diffs as [number, number];
  return diffs.length === 2 && b === a + 1 && original[a] === variant[b] && original[b] === variant[a];
}
