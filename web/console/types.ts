// Shapes of the console's registered operations' answers (see src/console/consoleOperations.ts).

export interface Ref {
  readonly source: string;
  readonly id: string;
}

export interface Provenance {
  readonly source: string;
  readonly recordId: string;
  readonly fetchedAt: string;
  readonly fromCache: boolean;
  readonly stale: boolean;
  readonly ageMs: number | null;
}

interface Chosen {
  readonly value: string | null;
  readonly chosen: { readonly provenance: Provenance } | null;
}

export interface Money {
  readonly amount: string;
  readonly currencyCode: string;
}

export interface TimelineEvent {
  readonly id: string;
  readonly kind: string;
  readonly occurredAt: string;
  readonly source: string;
  readonly sourceId: string;
  readonly title: string;
  readonly status: string | null;
  readonly amount: Money | null;
  readonly provenance: { readonly stale: boolean } | null;
}

export interface TimelinePage {
  readonly totalCount: number;
  readonly nodes: readonly TimelineEvent[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
}

export interface Evidence {
  readonly attribute: string;
  readonly level: string;
  readonly weight: number | null;
}

export interface Customer {
  readonly id: string;
  readonly displayName: string | null;
  readonly emails: ReadonlyArray<{ readonly value: string; readonly primary: boolean; readonly sources: readonly Ref[] }>;
  readonly phones: ReadonlyArray<{ readonly value: string; readonly primary: boolean; readonly sources: readonly Ref[] }>;
  readonly addresses: ReadonlyArray<{ readonly line1: string | null; readonly city: string | null; readonly region: string | null; readonly postcode: string | null; readonly country: string | null; readonly primary: boolean; readonly sources: readonly Ref[] }>;
  readonly profile: { readonly email: Chosen | null; readonly phone: Chosen | null; readonly address: Chosen | null; readonly name: Chosen | null } | null;
  readonly segments: ReadonlyArray<{ readonly name: string; readonly description: string; readonly reason: string }> | null;
  readonly journeyStage: { readonly stage: string; readonly reason: string } | null;
  readonly consent: ReadonlyArray<{ readonly channel: string; readonly status: string; readonly allowed: boolean; readonly source: string | null }> | null;
  readonly dataQuality: {
    readonly completeness: number;
    readonly expected: readonly string[];
    readonly present: readonly string[];
    readonly missing: readonly string[];
    readonly conflicts: ReadonlyArray<{ readonly field: string }>;
    readonly freshness: { readonly staleValues: number };
  } | null;
  readonly orders: { readonly totalCount: number; readonly nodes: ReadonlyArray<{ readonly id: string; readonly source: string; readonly number: string; readonly createdAt: string; readonly financialStatus: string | null; readonly fulfillmentStatus: string | null; readonly total: Money }> } | null;
  readonly tickets: { readonly totalCount: number; readonly nodes: ReadonlyArray<{ readonly id: string; readonly source: string; readonly kind: string; readonly number: string; readonly subject: string | null; readonly status: string }> } | null;
  readonly timeline: TimelinePage;
  readonly identity: {
    readonly anchor: Ref;
    readonly links: ReadonlyArray<Ref & { readonly rule: string; readonly confidence: number; readonly score: number | null; readonly linkedTo: Ref | null; readonly matchedOn: readonly Evidence[] }>;
    readonly candidates: ReadonlyArray<Ref & { readonly comparedWith: Ref; readonly score: number; readonly confidence: number; readonly reason: string; readonly matchedOn: readonly Evidence[] }>;
  };
}

export interface LookupResult {
  readonly status: string;
  readonly key: { readonly kind: string; readonly normalized: string; readonly identifierType: string | null };
  readonly triedKinds: readonly string[];
  readonly matchedKinds: readonly string[];
  readonly truncated: boolean;
  readonly customer: Customer | null;
  readonly candidates: ReadonlyArray<{ readonly reason: string; readonly score: number; readonly matchedKinds: readonly string[]; readonly matchedRecords: readonly Ref[]; readonly customer: { readonly id: string; readonly displayName: string | null; readonly emails: ReadonlyArray<{ readonly value: string }> } }>;
}
