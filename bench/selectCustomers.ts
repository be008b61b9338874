import type { SandboxDataset } from '../src/sandbox/dataset/types.js';
import { encodeCustomerId } from '../src/identity/customerId.js';
import { CUSTOMER_BY_SOURCE } from './queries.js';
import { postGraphql } from './postGraphql.js';

/** A bench customer: its gateway id, its source records and an email to look it up by. */
export interface BenchCustomer {
  readonly id: string;
  readonly refs: ReadonlyArray<{ readonly source: string; readonly id: string }>;
  readonly email: string;
}

/**
 * The first `count` people (dataset order, so fixed for a seed) with a record in all three systems and an
 * email, resolved to gateway customers through `customerBySource` on their Salesforce contact. Resolving them
 * warms the gateway's crosswalk for them. Throws when the gateway answers an error.
 */
export async function selectCustomers(url: string, dataset: SandboxDataset, count: number): Promise<BenchCustomer[]> {
  const bySystem = new Map<string, Map<string, string>>();
  for (const t of dataset.truth) {
    const m = bySystem.get(t.personId) ?? new Map<string, string>();
    m.set(t.system, t.id);
    bySystem.set(t.personId, m);
  }
  const picked = dataset.people.filter((p) => p.email !== null && bySystem.get(p.personId)?.size === 3).slice(0, count);
  const out: BenchCustomer[] = [];
  const seen = new Set<string>();
  for (const person of picked) {
    const sfId = bySystem.get(person.personId)!.get('salesforce')!;
    const { status, body } = await postGraphql(url, CUSTOMER_BY_SOURCE, { source: 'salesforce', id: sfId });
    if (status !== 200 || body.errors) throw new Error(`customerBySource(salesforce, ${sfId}): HTTP ${status} ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
    const customer = (body.data as { customerBySource: { id: string; identity: { links: Array<{ source: string; id: string }> } } | null }).customerBySource;
    if (!customer || seen.has(customer.id)) continue;
    seen.add(customer.id);
    out.push({ id: customer.id, refs: customer.identity.links.map((l) => ({ source: l.source, id: l.id })), email: person.email! });
  }
  return out;
}

/**
 * Gateway ids of people with a Salesforce contact, skipping the first `skip` people that
 * {@link selectCustomers} may have resolved: the id is derived from the anchor ref (Salesforce has the
 * highest priority), so they can be asked for without resolving them first. Dataset order, so fixed per seed.
 */
export function coldCustomerIds(dataset: SandboxDataset, skip: readonly string[]): string[] {
  const taken = new Set(skip);
  const sf = new Map<string, string>();
  for (const t of dataset.truth) if (t.system === 'salesforce' && !sf.has(t.personId)) sf.set(t.personId, t.id);
  return dataset.people
    .map((p) => sf.get(p.personId))
    .filter((id): id is string => id !== undefined)
    .map((id) => encodeCustomerId({ source: 'salesforce', id }))
    .filter((id) => !taken.has(id));
}
