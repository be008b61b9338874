import pg from 'pg';
import type { SandboxDataset, SandboxPerson } from '../dataset/types.js';
import { readExampleSource } from '../readExampleSource.js';

/** Options of {@link seedBillingDatabase}. */
export interface SeedBillingOptions {
  /** Connection of the database to seed (e.g. `{ host: '127.0.0.1', port: 5432, database: 'test', user: 'postgres' }`). */
  readonly connection: { readonly host: string; readonly port: number; readonly database: string; readonly user: string; readonly password?: string };
  /** Schema to create (dropped first if it exists); must be a plain identifier. Default `c360_billing`. */
  readonly schema?: string;
  /** Share of people (0..1) with a billing account, picked deterministically by person id. Default 0.5. */
  readonly share?: number;
  /** Connect timeout, ms. Default 2 000. */
  readonly connectTimeoutMs?: number;
}

/** A seeded billing schema: which person each customer row is, the `kind: postgres` source config, and how to drop it. */
export interface BillingDatabase {
  readonly schema: string;
  readonly truth: ReadonlyArray<{ readonly id: string; readonly personId: string }>;
  /** Invoices per customer id (what `ordersByOwner` should return). */
  readonly invoiceCounts: ReadonlyMap<string, number>;
  /** A raw `kind: postgres` source (named `billing`) reading this schema. */
  readonly source: Record<string, unknown>;
  /** Drops the schema and everything in it. */
  drop(): Promise<void>;
}

/**
 * Creates a synthetic billing system in PostgreSQL from the sandbox dataset (the demo's and tests' fifth
 * source): `<schema>.customers` (own account numbers `ACC-000123`, E.164 phones, names sometimes in
 * capitals, email in the person's own case) and `<schema>.invoices` (0-3 per customer, USD). Deterministic
 * for a dataset. Rejects when the database is unreachable. Drop it with `drop()`.
 */
export async function seedBillingDatabase(dataset: SandboxDataset, options: SeedBillingOptions): Promise<BillingDatabase> {
  const schema = options.schema ?? 'c360_billing';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new TypeError(`seedBillingDatabase: schema must be a lower-case identifier, got ${JSON.stringify(schema)}`);
  const share = options.share ?? 0.5;
  const client = new pg.Client({ ...options.connection, connectionTimeoutMillis: options.connectTimeoutMs ?? 2_000 });
  await client.connect();
  const truth: Array<{ id: string; personId: string }> = [];
  const invoiceCounts = new Map<string, number>();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema};
      CREATE TABLE ${schema}.customers (id text PRIMARY KEY, account_no text NOT NULL UNIQUE, first_name text, last_name text NOT NULL,
        email text, phone text, street text, city text, state text, zip text, country text, dob date,
        created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);
      CREATE INDEX ON ${schema}.customers (lower(email)); CREATE INDEX ON ${schema}.customers (phone); CREATE INDEX ON ${schema}.customers (lower(last_name));
      CREATE TABLE ${schema}.invoices (id text PRIMARY KEY, customer_id text NOT NULL REFERENCES ${schema}.customers(id), number text NOT NULL,
        status text NOT NULL, total numeric(12, 2) NOT NULL, currency char(3) NOT NULL, issued_at timestamptz NOT NULL, voided_at timestamptz);
      CREATE INDEX ON ${schema}.invoices (customer_id);`);
    const customers: unknown[][] = [];
    const invoices: unknown[][] = [];
    dataset.people.forEach((person, i) => {
      const h = hash(`${dataset.seed}:billing:${person.personId}`);
      if (h % 1000 >= share * 1000) return;
      const id = `cus_${String(i + 1).padStart(6, '0')}`;
      truth.push({ id, personId: person.personId });
      customers.push(customerRow(person, id, i, h));
      const count = h % 4;
      invoiceCounts.set(id, count);
      for (let n = 0; n < count; n += 1) {
        const issued = Date.UTC(2025, (h + n * 3) % 12, 1 + ((h >> 4) + n) % 28, 9);
        const status = n === 0 && h % 5 === 0 ? 'open' : h % 13 === n ? 'void' : 'paid';
        invoices.push([`in_${id.slice(4)}_${n + 1}`, id, `INV-${String(i + 1).padStart(6, '0')}-${n + 1}`, status, ((h % 9000) / 100 + 10 * (n + 1)).toFixed(2), 'USD', new Date(issued).toISOString(), status === 'void' ? new Date(issued + 86_400_000).toISOString() : null]);
      }
    });
    await insert(client, `${schema}.customers`, 14, customers);
    await insert(client, `${schema}.invoices`, 8, invoices);
  } catch (error) {
    await client.end();
    throw error;
  }
  await client.end();
  return {
    schema,
    truth,
    invoiceCounts,
    source: billingSourceConfig(schema, options.connection),
    async drop() {
      const dropper = new pg.Client({ ...options.connection, connectionTimeoutMillis: options.connectTimeoutMs ?? 2_000 });
      await dropper.connect();
      try {
        await dropper.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/**
 * The billing `kind: postgres` config (examples/sources/billing.postgres.yaml, shown in README) reading
 * `schema` over `connection`. Raw: validate it with the gateway's config loader.
 */
export function billingSourceConfig(schema: string, connection: SeedBillingOptions['connection']): Record<string, unknown> {
  const example = JSON.stringify(readExampleSource('billing.postgres.yaml')).replaceAll('c360_billing.', `${schema}.`);
  const config = JSON.parse(example) as Record<string, unknown>;
  return { ...config, connection: { ...(config.connection as object), host: connection.host, port: connection.port, database: connection.database, user: connection.user } };
}

function customerRow(person: SandboxPerson, id: string, i: number, h: number): unknown[] {
  const upper = h % 7 === 0;
  const created = Date.UTC(2023, h % 12, 1 + (h % 28));
  return [
    id,
    `ACC-${String(i + 1).padStart(6, '0')}`,
    upper ? person.givenName.toUpperCase() : person.givenName,
    upper ? person.familyName.toUpperCase() : person.familyName,
    h % 9 === 0 || person.email === null ? null : h % 2 === 0 ? person.email : person.email.replace(/^./, (c) => c.toUpperCase()),
    person.phone,
    person.address.line1,
    person.address.city,
    person.address.region,
    person.address.postcode,
    person.address.country,
    person.birthDate,
    new Date(created).toISOString(),
    new Date(created + (h % 300) * 86_400_000).toISOString(),
  ];
}

async function insert(client: pg.Client, table: string, width: number, rows: unknown[][]): Promise<void> {
  // Parameterised multi-row inserts in chunks (PostgreSQL allows 65 535 parameters per statement).
  const chunk = Math.floor(60_000 / width);
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    const placeholders = part.map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`).join(', ');
    await client.query(`INSERT INTO ${table} VALUES ${placeholders}`, part.flat());
  }
}

/** FNV-1a, for a deterministic pick without a PRNG. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
