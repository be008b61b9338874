import { Customer } from './Customer.js';
import { Query } from './Query.js';
import { Identity } from './Identity.js';
import { IdentityOverride, Mutation } from './Mutation.js';
import { Activity, Order, Ticket } from './records.js';
import { ChannelConsent, SurvivedField, TimelineEvent } from './unifiedTypes.js';

/** Every resolver map, keyed by GraphQL type name. */
export const resolvers = { Query, Mutation, Identity, IdentityOverride, Customer, Order, Ticket, Activity, SurvivedField, TimelineEvent, ChannelConsent };
export type { CustomerParent } from './Customer.js';
export { MAX_CUSTOMERS_PER_QUERY } from './Query.js';
