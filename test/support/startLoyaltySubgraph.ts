import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

/**
 * SDL of the test's second subgraph: a loyalty programme that knows customers only by email. It extends the
 * gateway's `Customer` (key `email`) with `loyaltyPoints` and `loyaltyTier`, and returns `Customer`
 * references from `topLoyaltyMembers`, so a supergraph query can cross in both directions.
 */
export const LOYALTY_SDL = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

"A customer as the loyalty programme knows them: by email."
type Customer @key(fields: "email") {
  "Email the member signed up with (the entity key)."
  email: String
  "Points balance; null when the email is not a member."
  loyaltyPoints: Int
  "Tier by points (BRONZE < 1000 <= SILVER < 5000 <= GOLD); null for non-members."
  loyaltyTier: String
}

"A member of the loyalty programme."
type LoyaltyMember {
  "The member as a Customer reference (resolved by the gateway subgraph from the email)."
  customer: Customer
  "Points balance."
  points: Int!
}

type Query {
  "Members with the most points first (at most \`first\`)."
  topLoyaltyMembers(first: Int! = 10): [LoyaltyMember!]!
}
`;

/** One loyalty member: an email (as the loyalty programme holds it) and a points balance. */
export interface LoyaltyMemberRow {
  readonly email: string;
  readonly points: number;
}

/** A running loyalty subgraph on loopback. */
export interface LoyaltySubgraph {
  readonly url: string;
  /** Representations each `_entities` call received, in call order. */
  readonly entityCalls: Array<ReadonlyArray<Record<string, unknown>>>;
  close(): Promise<void>;
}

const tierOf = (points: number) => (points >= 5000 ? 'GOLD' : points >= 1000 ? 'SILVER' : 'BRONZE');

/** Starts the loyalty subgraph (Apollo Server + `@apollo/subgraph`) on 127.0.0.1, a free port. */
export async function startLoyaltySubgraph(members: readonly LoyaltyMemberRow[]): Promise<LoyaltySubgraph> {
  const byEmail = new Map(members.map((m) => [m.email.toLowerCase(), m]));
  const memberOf = (customer: { email: string | null }) => (customer.email ? byEmail.get(customer.email.toLowerCase()) : undefined);
  const entityCalls: Array<ReadonlyArray<Record<string, unknown>>> = [];
  const schema = buildSubgraphSchema({
    typeDefs: parse(LOYALTY_SDL),
    resolvers: {
      Query: {
        topLoyaltyMembers: (_root: unknown, args: { first: number }) =>
          [...members].sort((a, b) => b.points - a.points).slice(0, args.first).map((m) => ({ points: m.points, customer: { email: m.email } })),
      },
      Customer: {
        __resolveReference: (ref: { email?: string | null }) => ({ email: ref.email ?? null }),
        loyaltyPoints: (customer: { email: string | null }) => memberOf(customer)?.points ?? null,
        loyaltyTier: (customer: { email: string | null }) => {
          const member = memberOf(customer);
          return member ? tierOf(member.points) : null;
        },
      },
    } as never,
  });
  const server = new ApolloServer({
    schema,
    plugins: [
      {
        async requestDidStart({ request }) {
          const reps = request.variables?.representations;
          if (Array.isArray(reps)) entityCalls.push(reps as Array<Record<string, unknown>>);
          return {};
        },
      },
    ],
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, entityCalls, close: () => server.stop() };
}
