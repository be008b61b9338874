import { COUNTRY_CODES, CURRENCY_CODES } from './shopifyEnumValues.js';

/**
 * Internal: the subset of Shopify's GraphQL Admin API schema the sandbox serves. Type, field, argument and
 * enum names follow https://shopify.dev/docs/api/admin-graphql so a query that validates here validates
 * against a real shop (the reverse does not hold: most of the real schema is absent).
 */
export const SHOPIFY_ADMIN_SDL = /* GraphQL */ `
schema {
  query: QueryRoot
  mutation: Mutation
}

"An ISO 8601 date-time string in UTC, e.g. 2025-04-15T19:26:33Z."
scalar DateTime
"An unsigned 64-bit integer, serialised as a string."
scalar UnsignedInt64
"A signed decimal number, serialised as a string."
scalar Decimal
"A monetary value as a string."
scalar Money
"An RFC 3986 URL."
scalar URL

"An object with a globally unique ID (gid://shopify/<Type>/<n>)."
interface Node {
  id: ID!
}

"The query root of the GraphQL Admin API (sandbox subset)."
type QueryRoot {
  "Customers, optionally filtered with Shopify search syntax."
  customers(first: Int, after: String, last: Int, before: String, query: String, sortKey: CustomerSortKeys = ID, reverse: Boolean = false): CustomerConnection!
  customer(id: ID!): Customer
  "One entry per id: the object, or null for an unknown id. At most 250 ids."
  nodes(ids: [ID!]!): [Node]!
  node(id: ID!): Node
  orders(first: Int, after: String, last: Int, before: String, query: String, sortKey: OrderSortKeys = PROCESSED_AT, reverse: Boolean = false): OrderConnection!
}

"The mutation root of the GraphQL Admin API (sandbox subset)."
type Mutation {
  "Updates a customer's attributes; sends customers/update webhooks."
  customerUpdate(input: CustomerInput!): CustomerUpdatePayload
}

"The fields of a customer to change; \`id\` names the customer."
input CustomerInput {
  id: ID
  firstName: String
  lastName: String
  email: String
  phone: String
  note: String
  tags: [String!]
}

"Return type of customerUpdate."
type CustomerUpdatePayload {
  customer: Customer
  userErrors: [UserError!]!
}

"An error in the input of a mutation."
type UserError {
  "The path to the input field that caused the error."
  field: [String!]
  message: String!
}

enum CustomerSortKeys {
  CREATED_AT
  ID
  NAME
  RELEVANCE
  UPDATED_AT
}

enum OrderSortKeys {
  CREATED_AT
  ID
  PROCESSED_AT
  UPDATED_AT
}

enum CustomerState {
  DECLINED
  DISABLED
  ENABLED
  INVITED
}

enum CustomerEmailAddressMarketingState {
  INVALID
  NOT_SUBSCRIBED
  PENDING
  REDACTED
  SUBSCRIBED
  UNSUBSCRIBED
}

enum CustomerSmsMarketingState {
  NOT_SUBSCRIBED
  PENDING
  REDACTED
  SUBSCRIBED
  UNSUBSCRIBED
}

enum OrderDisplayFinancialStatus {
  AUTHORIZED
  EXPIRED
  PAID
  PARTIALLY_PAID
  PARTIALLY_REFUNDED
  PENDING
  REFUNDED
  VOIDED
}

enum OrderDisplayFulfillmentStatus {
  FULFILLED
  IN_PROGRESS
  ON_HOLD
  OPEN
  PARTIALLY_FULFILLED
  PENDING_FULFILLMENT
  REQUEST_DECLINED
  RESTOCKED
  SCHEDULED
  UNFULFILLED
}

enum CountryCode {
  ${COUNTRY_CODES.join('\n  ')}
}

enum CurrencyCode {
  ${CURRENCY_CODES.join('\n  ')}
}

type PageInfo {
  hasNextPage: Boolean!
  hasPreviousPage: Boolean!
  startCursor: String
  endCursor: String
}

type MoneyV2 {
  amount: Decimal!
  currencyCode: CurrencyCode!
}

type MoneyBag {
  shopMoney: MoneyV2!
  presentmentMoney: MoneyV2!
}

type CustomerEmailAddress {
  emailAddress: String
  marketingState: CustomerEmailAddressMarketingState!
}

type CustomerPhoneNumber {
  phoneNumber: String!
  marketingState: CustomerSmsMarketingState!
}

type MailingAddress {
  address1: String
  city: String
  provinceCode: String
  zip: String
  countryCodeV2: CountryCode
}

type Customer implements Node {
  id: ID!
  legacyResourceId: UnsignedInt64!
  firstName: String
  lastName: String
  displayName: String!
  email: String @deprecated(reason: "Use \`defaultEmailAddress.emailAddress\` instead.")
  phone: String @deprecated(reason: "Use \`defaultPhoneNumber.phoneNumber\` instead.")
  defaultEmailAddress: CustomerEmailAddress
  defaultPhoneNumber: CustomerPhoneNumber
  numberOfOrders: UnsignedInt64!
  amountSpent: MoneyV2!
  createdAt: DateTime!
  updatedAt: DateTime!
  state: CustomerState!
  tags: [String!]!
  note: String
  verifiedEmail: Boolean!
  defaultAddress: MailingAddress
  orders(first: Int, after: String, last: Int, before: String, sortKey: OrderSortKeys = ID, reverse: Boolean = false, query: String): OrderConnection!
}

type CustomerEdge {
  cursor: String!
  node: Customer!
}

type CustomerConnection {
  nodes: [Customer!]!
  edges: [CustomerEdge!]!
  pageInfo: PageInfo!
}

type Order implements Node {
  id: ID!
  legacyResourceId: UnsignedInt64!
  name: String!
  createdAt: DateTime!
  processedAt: DateTime!
  updatedAt: DateTime!
  cancelledAt: DateTime
  displayFinancialStatus: OrderDisplayFinancialStatus
  displayFulfillmentStatus: OrderDisplayFulfillmentStatus!
  currencyCode: CurrencyCode!
  totalPriceSet: MoneyBag!
  subtotalPriceSet: MoneyBag
  totalTaxSet: MoneyBag
  customer: Customer
  lineItems(first: Int, after: String, last: Int, before: String, reverse: Boolean = false): LineItemConnection!
}

type OrderEdge {
  cursor: String!
  node: Order!
}

type OrderConnection {
  nodes: [Order!]!
  edges: [OrderEdge!]!
  pageInfo: PageInfo!
}

type LineItem implements Node {
  id: ID!
  title: String!
  sku: String
  quantity: Int!
  originalUnitPriceSet: MoneyBag!
}

type LineItemEdge {
  cursor: String!
  node: LineItem!
}

type LineItemConnection {
  nodes: [LineItem!]!
  edges: [LineItemEdge!]!
  pageInfo: PageInfo!
}
`;
