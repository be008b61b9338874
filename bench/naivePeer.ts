/**
 * The naive peer (issue 17, run as its own pinned process by the bench): the gateway a team writes in an
 * afternoon, to compare against on the same core, sandbox and customers. Apollo Server 5 (standalone) with
 * resolvers that call the sandbox directly through one axios instance per source: no DataLoader, no cache, no
 * identity resolution, no resilience, no authorisation. Chained calls: the Salesforce contact first, then its
 * email joins the other sources (Shopify `customers(query: "email:…")` with the first orders inline; Zendesk
 * user search, then that user's requested tickets). 4 upstream calls per query, in 3 sequential rounds.
 * The email join is what such a team does, and is wrong for households sharing an email (see BENCHMARKS.md).
 *
 * Env: `NAIVE_PORT` (required), `NAIVE_SOURCES` (JSON `SourceConfig[]` of the sandbox, with credentials).
 * `GET /` answers 200 when ready (the bench polls it); GraphQL is `POST /`.
 */
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import axios from 'axios';
import type { SourceConfig } from '../src/config.js';

const sources = JSON.parse(process.env.NAIVE_SOURCES ?? '[]') as SourceConfig[];
const byKind = (kind: string): SourceConfig & { baseUrl: string; credentials: Record<string, string> } => {
  const s = sources.find((x) => x.kind === kind);
  if (!s) throw new Error(`naive peer: no ${kind} source in NAIVE_SOURCES`);
  return s as SourceConfig & { baseUrl: string; credentials: Record<string, string> };
};
const sf = byKind('salesforce');
const shop = byKind('shopify');
const zd = byKind('zendesk');

// What an afternoon's code does: axios instances with keep-alive agents (without them, every call opens a socket).
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const salesforce = axios.create({ baseURL: sf.baseUrl, httpAgent: agent, headers: { authorization: `Bearer ${sf.credentials.accessToken}` } });
const shopify = axios.create({ baseURL: shop.baseUrl, httpAgent: agent, headers: { 'x-shopify-access-token': shop.credentials.accessToken! } });
const zendesk = axios.create({ baseURL: zd.baseUrl, httpAgent: agent, auth: { username: `${zd.credentials.email}/token`, password: zd.credentials.apiToken! } });

const typeDefs = `#graphql
  type Query { customer(id: ID!): Customer }
  type Customer {
    id: ID!
    name: String
    email: String
    phone: String
    city: String
    orders(first: Int = 10): [Order!]!
    tickets(first: Int = 10): [Ticket!]!
  }
  type Order { number: String createdAt: String total: Money }
  type Money { amount: String currencyCode: String }
  type Ticket { number: ID subject: String status: String createdAt: String }
`;

interface Contact {
  Id: string;
  FirstName: string | null;
  LastName: string | null;
  Email: string | null;
  Phone: string | null;
  MailingCity: string | null;
}

const quote = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

const resolvers = {
  Query: {
    async customer(_: unknown, { id }: { id: string }): Promise<Contact | null> {
      const soql = `SELECT Id, FirstName, LastName, Email, Phone, MailingCity FROM Contact WHERE Id = ${quote(id)}`;
      const { data } = await salesforce.get<{ records: Contact[] }>('/services/data/v63.0/query', { params: { q: soql } });
      return data.records[0] ?? null;
    },
  },
  Customer: {
    id: (c: Contact) => c.Id,
    name: (c: Contact) => [c.FirstName, c.LastName].filter(Boolean).join(' '),
    email: (c: Contact) => c.Email,
    phone: (c: Contact) => c.Phone,
    city: (c: Contact) => c.MailingCity,
    async orders(c: Contact, { first }: { first: number }) {
      if (!c.Email) return [];
      const query = `query($q: String!, $first: Int!) { customers(first: 1, query: $q) { nodes { id orders(first: $first, sortKey: CREATED_AT, reverse: true) { nodes { name createdAt totalPriceSet { shopMoney { amount currencyCode } } } } } } }`;
      const { data } = await shopify.post<{ data: { customers: { nodes: Array<{ orders: { nodes: Array<{ name: string; createdAt: string; totalPriceSet: { shopMoney: { amount: string; currencyCode: string } } }> } }> } } }>(
        '/admin/api/2025-10/graphql.json',
        { query, variables: { q: `email:${c.Email}`, first } },
      );
      const customer = data.data.customers.nodes[0];
      return (customer?.orders.nodes ?? []).map((o) => ({ number: o.name, createdAt: o.createdAt, total: o.totalPriceSet.shopMoney }));
    },
    async tickets(c: Contact, { first }: { first: number }) {
      if (!c.Email) return [];
      const users = await zendesk.get<{ users: Array<{ id: number }> }>('/api/v2/users/search.json', { params: { query: `email:${c.Email}` } });
      const user = users.data.users[0];
      if (!user) return [];
      const { data } = await zendesk.get<{ tickets: Array<{ id: number; subject: string; status: string; created_at: string }> }>(`/api/v2/users/${user.id}/tickets/requested.json`, {
        params: { per_page: first, sort_by: 'created_at', sort_order: 'desc' },
      });
      return data.tickets.map((t) => ({ number: String(t.id), subject: t.subject, status: t.status, createdAt: t.created_at }));
    },
  },
};

async function main(): Promise<void> {
  const server = new ApolloServer({ typeDefs, resolvers });
  const { url } = await startStandaloneServer(server, { listen: { port: Number(process.env.NAIVE_PORT), host: '127.0.0.1' } });
  process.on('SIGTERM', () => {
    void server.stop().then(() => process.exit(0));
  });
  process.stderr.write(`naive peer listening on ${url}\n`);
}

if (process.env.NAIVE_PORT) void main();
