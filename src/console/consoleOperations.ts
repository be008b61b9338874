// The GraphQL operations the agent console sends (issue 14). They are compiled into the gateway, so the set
// is fixed at build time; the console sends only their ids (sha256 of the text, see createOperationRegistry).
// `$full: false` leaves out segments and consent, which only some purposes may read (an agent's may not).

const PROVENANCE = 'source recordId fetchedAt fromCache stale ageMs';

const VIEW = `fragment ConsoleView on Customer {
  id displayName
  names { full primary sources { source id } }
  emails { value primary sources { source id } }
  phones { value primary sources { source id } }
  addresses { line1 city region postcode country primary sources { source id } }
  profile {
    email { value chosen { provenance { ${PROVENANCE} } } }
    phone { value chosen { provenance { ${PROVENANCE} } } }
    address { value chosen { provenance { ${PROVENANCE} } } }
    name { value chosen { provenance { ${PROVENANCE} } } }
  }
  segments @include(if: $full) { name description reason }
  journeyStage { stage reason }
  consent @include(if: $full) { channel status allowed source updatedAt reason }
  dataQuality { completeness expected present missing conflicts { field } freshness { oldestSourceAgeDays maxFetchAgeMs staleValues } }
  metrics { lifetimeValue { amount currencyCode } orderCount openTickets lastOrderAt }
  orders(first: 10) { totalCount nodes { id source number createdAt financialStatus fulfillmentStatus total { amount currencyCode } } }
  tickets(first: 10) { totalCount nodes { id source kind number subject status priority createdAt } }
  timeline(first: 10) { totalCount nodes { ...ConsoleEvent } pageInfo { hasNextPage endCursor } }
  identity {
    anchor { source id }
    links { source id rule confidence score linkedTo { source id } matchedOn { attribute level weight } }
    candidates { source id comparedWith { source id } score confidence reason matchedOn { attribute level weight } }
  }
}
fragment ConsoleEvent on TimelineEvent { id kind occurredAt source sourceId title status amount { amount currencyCode } provenance { stale } }`;

const OVERRIDE = 'id kind reason actor createdAt customer { ...ConsoleView }';

/** Operation name → document. Names are what the console asks for; ids are derived from the text. */
export const CONSOLE_OPERATIONS = {
  ConsoleSources: 'query ConsoleSources { sources { name kind breaker capabilities } }',
  ConsoleLookup: `query ConsoleLookup($q: String!, $full: Boolean = true) {
  customerLookup(query: $q) {
    status key { kind normalized identifierType } triedKinds matchedKinds truncated
    customer { ...ConsoleView }
    candidates { reason score matchedKinds matchedRecords { source id } customer { id displayName emails { value } phones { value } } }
  }
}
${VIEW}`,
  ConsoleCustomer: `query ConsoleCustomer($id: ID!, $full: Boolean = true) { customer(id: $id) { ...ConsoleView } }
${VIEW}`,
  ConsoleTimeline: `query ConsoleTimeline($id: ID!, $after: String) {
  customer(id: $id) { id timeline(first: 10, after: $after) { totalCount nodes { ...ConsoleEvent } pageInfo { hasNextPage endCursor } } }
}
fragment ConsoleEvent on TimelineEvent { id kind occurredAt source sourceId title status amount { amount currencyCode } provenance { stale } }`,
  ConsoleLink: `mutation ConsoleLink($a: SourceRecordInput!, $b: SourceRecordInput!, $reason: String!, $full: Boolean = true) { linkRecords(a: $a, b: $b, reason: $reason) { ${OVERRIDE} } }
${VIEW}`,
  ConsoleUnlink: `mutation ConsoleUnlink($a: SourceRecordInput!, $b: SourceRecordInput!, $reason: String!, $full: Boolean = true) { unlinkRecords(a: $a, b: $b, reason: $reason) { ${OVERRIDE} } }
${VIEW}`,
  ConsoleSuppress: `mutation ConsoleSuppress($id: ID!, $reason: String!) { suppressPerson(customerId: $id, reason: $reason) { id kind reason actor createdAt } }`,
} as const;

/** Names of {@link CONSOLE_OPERATIONS}. */
export type ConsoleOperationName = keyof typeof CONSOLE_OPERATIONS;
