/** Every provenance field, as tests select it. */
export const PROVENANCE_FIELDS = 'source recordId sourceUpdatedAt fetchedAt fromCache stale ageMs';

/**
 * The 360 part of the agent-console query (profile, metrics, segments, journey, consent, data quality): shared
 * by the 360 integration test and the query-limit test, which sizes the limits from our largest real query.
 */
export const CUSTOMER_360_FIELDS = `
  profile {
    name { value strategies reason chosen { value provenance { ${PROVENANCE_FIELDS} } holders { source recordId } } runnersUp { value provenance { source recordId } } }
    email { value reason chosen { holders { source } } }
    phone { value } address { value } birthDate { value chosen { provenance { source } } }
  }
  metrics { lifetimeValue { amount currencyCode } orderCount averageOrderValue { amount currencyCode } firstOrderAt lastOrderAt
    cancelledOrders refundedOrders openTickets daysSinceLastOrder daysSinceLastInteraction lastInteractionAt recentOrders recentInteractions
    rfm { recency frequency monetary code } }
  segments { name description reason }
  journeyStage { stage reason }
  consent { channel status allowed source updatedAt reason provenance { ${PROVENANCE_FIELDS} } statements { status sourceValue updatedAt provenance { source recordId } } }
  dataQuality { completeness expected present missing conflicts { field chosen values { value sources { source } } }
    freshness { oldestSourceUpdatedAt oldestSourceAgeDays maxFetchAgeMs staleValues } }
`;

/** The timeline selection with a page size. */
export const timelineFields = (first: number): string =>
  `timeline(first: ${first}) { totalCount nodes { id kind occurredAt source sourceId title status amount { amount currencyCode } alsoSeenIn { source id } provenance { ${PROVENANCE_FIELDS} } } pageInfo { hasNextPage endCursor } }`;
