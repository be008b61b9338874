import { Customer } from './Customer.js';
import { Query } from './Query.js';
import { Activity, Order, Ticket } from './records.js';

/** Every resolver map, keyed by GraphQL type name. */
export const resolvers = { Query, Customer, Order, Ticket, Activity };
export type { CustomerParent } from './Customer.js';
export { MAX_CUSTOMERS_PER_QUERY } from './Query.js';
