import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../context.js';
import { GatewayErrorCode, gatewayError } from '../errors.js';
import { classifyLookup } from '../identity/index.js';
import { resolvers, type CustomerParent } from '../resolvers/index.js';

const { Query } = resolvers;

/** A `Customer` representation a router sends in `_entities(representations:)`: one of the three keys. */
interface CustomerRepresentation {
  readonly id?: unknown;
  readonly email?: unknown;
  readonly sourceRef?: { readonly source?: unknown; readonly id?: unknown } | null;
}

/**
 * `Customer.__resolveReference`: turns one representation into the customer it names, through the same
 * resolvers (identity resolver, crosswalk, per-request DataLoaders) as `customer`, `customerBySource` and
 * `customerLookup`, so every representation of one `_entities` call shares their batched upstream calls.
 * - `{id}`: as `customer(id:)`; `{sourceRef: {source, id}}`: as `customerBySource` (any member record);
 * - `{email}`: the one person holding that email, as `customerLookup`; several people (a shared household
 *   email) reject with `AMBIGUOUS_MATCH` and the candidates' ids, nobody with `NOT_FOUND`: never a guess.
 * Rejects (the router shows null and an error at that index) with `BAD_USER_INPUT` for a representation
 * carrying none of the keys, and with the codes of those queries otherwise.
 */
export async function resolveCustomerReference(representation: CustomerRepresentation, context: GatewayContext, info: GraphQLResolveInfo): Promise<CustomerParent> {
  const { id, email, sourceRef } = representation;
  if (typeof id === 'string') return Query.customer(null, { id }, context, info);
  if (sourceRef && typeof sourceRef.source === 'string' && typeof sourceRef.id === 'string') {
    return Query.customerBySource(null, { source: sourceRef.source, id: sourceRef.id }, context, info);
  }
  if (typeof email === 'string') return customerByEmail(email, context, info);
  throw gatewayError(GatewayErrorCode.BadUserInput, 'a Customer representation needs one key: id, email or sourceRef { source id }', { argument: 'representations' });
}

async function customerByEmail(email: string, context: GatewayContext, info: GraphQLResolveInfo): Promise<CustomerParent> {
  // Only an email: the `email` key must not turn into a phone lookup.
  const classified = classifyLookup(email, context.defaultRegion);
  if (classified.kind !== 'key' || classified.key.kind !== 'email') {
    throw gatewayError(GatewayErrorCode.BadUserInput, 'the email key of a Customer representation is not a valid email address', { argument: 'representations' });
  }
  const lookup = await Query.customerLookup(null, { query: email }, context, info);
  switch (lookup.status) {
    case 'MATCHED':
      return lookup.customer!;
    case 'AMBIGUOUS':
      throw gatewayError(GatewayErrorCode.AmbiguousMatch, `${lookup.candidates.length} people hold this email; nothing was merged (resolve with the id or sourceRef key)`, {
        candidates: lookup.candidates.map((candidate) => candidate.customer.cluster.customerId),
      });
    case 'NOT_FOUND':
      throw gatewayError(GatewayErrorCode.NotFound, 'no customer holds this email');
    default:
      throw gatewayError(GatewayErrorCode.InternalServerError, 'unexpected lookup status');
  }
}
