/**
 * The operations the bench times. `CUSTOMER_360` is what an agent console asks for one customer: contact
 * points, identity links, survivorship profile, metrics, segments, journey, consent, data quality, and the
 * first page of orders, tickets and the cross-source timeline.
 */
const FIELDS_360 = `
  id displayName
  emails { value primary sources { source id } }
  phones { value sources { source id } }
  addresses { line1 city region postcode country sources { source id } }
  identity { anchor { source id } links { source id rule matchedOn { attribute level } } }
  profile {
    name { value reason chosen { provenance { source recordId sourceUpdatedAt } } }
    email { value reason }
    address { value reason }
  }
  metrics { lifetimeValue { amount currencyCode } orderCount averageOrderValue { amount } firstOrderAt lastOrderAt openTickets recentOrders daysSinceLastInteraction rfm { code } }
  segments { name reason }
  journeyStage { stage reason }
  consent { channel status allowed source updatedAt }
  dataQuality { completeness missing conflicts { field } }
  orders(first: 10) { totalCount nodes { number createdAt total { amount currencyCode } } }
  tickets(first: 10) { totalCount nodes { kind number subject status source } }
  timeline(first: 20) { totalCount nodes { kind occurredAt source title } }
`;

/** The agent 360 query for one customer by gateway id. Variables: `{ id }`. */
export const CUSTOMER_360 = `query Customer360($id: ID!) { customer(id: $id) { ${FIELDS_360} } }`;

/** `customerLookup` by an email as an agent types it. Variables: `{ q }`. */
export const LOOKUP_BY_EMAIL = `query Lookup($q: String!) { customerLookup(query: $q) { status customer { id displayName orders(first: 5) { totalCount } tickets(first: 5) { totalCount } } candidates { customer { id } } } }`;

/** A list of customers with their orders and tickets. Two aliases so that 200 ids fit the 100-id cap per field. */
export const CUSTOMER_LIST = `query List($a: [ID!]!, $b: [ID!]!) {
  a: customers(ids: $a) { id displayName orders(first: 5) { totalCount nodes { number total { amount } } } tickets(first: 5) { totalCount nodes { number status } } }
  b: customers(ids: $b) { id displayName orders(first: 5) { totalCount nodes { number total { amount } } } tickets(first: 5) { totalCount nodes { number status } } }
}`;

/** One customer's orders, 100 per page (the schema's cap): the bench pages through all of them. */
export const CUSTOMER_ORDERS = `query Orders($id: ID!, $after: String) { customer(id: $id) { orders(first: 100, after: $after) { totalCount nodes { number total { amount } } pageInfo { hasNextPage endCursor } } metrics { orderCount lifetimeValue { amount } } } }`;

/** Resolves a source record to its gateway customer id. Variables: `{ source, id }`. */
export const CUSTOMER_BY_SOURCE = `query BySource($source: String!, $id: ID!) { customerBySource(source: $source, id: $id) { id identity { links { source id } } } }`;

/** Splits ids into the two `customers` aliases of {@link CUSTOMER_LIST} (≤ 100 each). */
export function listVariables(ids: readonly string[]): { a: string[]; b: string[] } {
  return { a: ids.slice(0, 100), b: ids.slice(100, 200) };
}

/** The query the bench sends the naive peer: what it can give of the 360 (contact, 10 orders, 10 tickets). */
export const NAIVE_QUERY = `query Naive($id: ID!) { customer(id: $id) { id name email phone city orders(first: 10) { number createdAt total { amount currencyCode } } tickets(first: 10) { number subject status createdAt } } }`;

/**
 * The naive peer's question asked of the gateway (issue 17's "one customer with contact points, 10 orders and 10
 * tickets"): the same shape as {@link NAIVE_QUERY}, so that the side by side also compares equal work. The
 * gateway's answer still carries what the peer cannot give (all of the person's records, every source's tickets).
 */
export const SAME_AS_NAIVE = `query SameAsNaive($id: ID!) { customer(id: $id) { id displayName emails { value } phones { value } addresses { city } orders(first: 10) { nodes { number createdAt total { amount currencyCode } } } tickets(first: 10) { nodes { number subject status createdAt } } } }`;
