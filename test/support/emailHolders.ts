import type { SandboxDataset } from '../../src/sandbox/dataset/index.js';

/**
 * Emails of the dataset by how many people hold them in any source record (normalised): `unique` are the
 * canonical emails of people who alone hold theirs, in people order; `shared` are household emails several
 * people hold (the ambiguity case).
 */
export function emailHolders(dataset: SandboxDataset): { unique: string[]; shared: string[] } {
  const personOf = new Map(dataset.truth.map((e) => [`${e.system}/${e.id}`, e.personId]));
  const holders = new Map<string, Set<string>>();
  const records = [
    ...dataset.salesforce.contacts.map((r) => ['salesforce', r.id, r.email] as const),
    ...dataset.shopify.customers.map((r) => ['shopify', String(r.id), r.email] as const),
    ...dataset.zendesk.users.map((r) => ['zendesk', String(r.id), r.email] as const),
  ];
  for (const [system, id, email] of records) {
    if (!email) continue;
    const key = email.trim().toLowerCase();
    holders.set(key, (holders.get(key) ?? new Set()).add(personOf.get(`${system}/${id}`)!));
  }
  return {
    unique: dataset.people.filter((p) => p.email && holders.get(p.email)?.size === 1).map((p) => p.email!),
    shared: [...holders].filter(([, people]) => people.size > 1).map(([email]) => email),
  };
}
