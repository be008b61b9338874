/**
 * The sandbox's synthetic world. Records are stored in each system's **own** shape and id scheme (camelCase
 * field names mirroring the vendor's fields); each fake server renders them in the vendor's wire format.
 * Everything is synthetic and generated from a seed (see generateDataset.ts); timestamps are ISO 8601 UTC
 * strings (`2025-03-04T10:11:12.000Z`) unless the comment says otherwise.
 */

/** The three simulated systems. */
export type SandboxSystem = 'salesforce' | 'shopify' | 'zendesk';

/** A postal address of a ground-truth person. */
export interface SandboxAddress {
  readonly line1: string;
  readonly city: string;
  /** US state code, e.g. `CA`. */
  readonly region: string;
  readonly postcode: string;
  /** ISO 3166-1 alpha-2, `US`. */
  readonly country: string;
}

/** A ground-truth person: what the systems' records are noisy copies of. */
export interface SandboxPerson {
  /** `p0001`... */
  readonly personId: string;
  readonly givenName: string;
  readonly familyName: string;
  /** Canonical email (lower case) or null when the person has none. */
  readonly email: string | null;
  /** Canonical phone in E.164 (`+14155551212`), unique per person. */
  readonly phone: string;
  /** `YYYY-MM-DD` */
  readonly birthDate: string;
  readonly address: SandboxAddress;
  /** People sharing a household id share an address, and some share an email. */
  readonly householdId: string;
  /** Which systems hold a record of this person. */
  readonly systems: readonly SandboxSystem[];
}

// ---------------------------------------------------------------- Salesforce

/** Salesforce Account (prefix `001`, 18-char ids). */
export interface SfAccount {
  readonly id: string;
  readonly name: string;
  readonly phone: string | null;
  readonly createdDate: string;
  readonly lastModifiedDate: string;
}

/** Salesforce Contact (prefix `003`). Phone strings are as a person typed them (`(415) 555-1212`). */
export interface SfContact {
  readonly id: string;
  readonly accountId: string;
  readonly firstName: string | null;
  readonly lastName: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly mobilePhone: string | null;
  readonly mailingStreet: string | null;
  readonly mailingCity: string | null;
  readonly mailingState: string | null;
  readonly mailingPostalCode: string | null;
  readonly mailingCountry: string | null;
  /** `YYYY-MM-DD` or null */
  readonly birthdate: string | null;
  readonly hasOptedOutOfEmail: boolean;
  readonly doNotCall: boolean;
  readonly createdDate: string;
  readonly lastModifiedDate: string;
}

/** Salesforce Case (prefix `500`). */
export interface SfCase {
  readonly id: string;
  /** 8-digit, zero-padded: `00001026`. */
  readonly caseNumber: string;
  readonly contactId: string;
  readonly accountId: string;
  readonly subject: string;
  readonly description: string;
  /** `New` | `Working` | `Escalated` | `Closed` */
  readonly status: string;
  /** `Low` | `Medium` | `High` */
  readonly priority: string;
  /** `Email` | `Phone` | `Web` */
  readonly origin: string;
  readonly isClosed: boolean;
  readonly createdDate: string;
  readonly closedDate: string | null;
  readonly lastModifiedDate: string;
}

/** Salesforce Task (prefix `00T`): calls, emails and to-dos about a contact. */
export interface SfTask {
  readonly id: string;
  /** The Contact id. */
  readonly whoId: string;
  /** The Account id or null. */
  readonly whatId: string | null;
  readonly subject: string;
  /** `Not Started` | `In Progress` | `Completed` */
  readonly status: string;
  /** `Normal` | `High` */
  readonly priority: string;
  /** `Call` | `Email` | `Task` */
  readonly taskSubtype: string;
  /** `YYYY-MM-DD` */
  readonly activityDate: string;
  /** Seconds, for calls; null otherwise. */
  readonly callDurationInSeconds: number | null;
  readonly createdDate: string;
  readonly lastModifiedDate: string;
}

// ---------------------------------------------------------------- Shopify

/** Shopify customer address (`MailingAddress`). */
export interface ShopifyAddress {
  readonly address1: string | null;
  readonly city: string | null;
  /** Province/state code, e.g. `CA`. */
  readonly provinceCode: string | null;
  readonly zip: string | null;
  /** `US` */
  readonly countryCode: string | null;
}

/** Shopify customer; `id` is the numeric legacy id (the GID is `gid://shopify/Customer/<id>`). */
export interface ShopifyCustomer {
  readonly id: number;
  readonly firstName: string | null;
  readonly lastName: string | null;
  /** Unique per shop when present. */
  readonly email: string | null;
  /** E.164 when present; unique per shop. */
  readonly phone: string | null;
  /** `SUBSCRIBED` | `NOT_SUBSCRIBED` | `UNSUBSCRIBED` */
  readonly emailMarketingState: string;
  readonly smsMarketingState: string;
  /** `ENABLED` | `DISABLED` | `INVITED` */
  readonly state: string;
  readonly tags: readonly string[];
  readonly defaultAddress: ShopifyAddress | null;
  readonly note: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One order line. Money amounts are decimal strings (`"19.99"`). */
export interface ShopifyLineItem {
  readonly id: number;
  readonly title: string;
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: string;
}

/** Shopify order; `id` numeric (GID `gid://shopify/Order/<id>`); `name` like `#1001`. */
export interface ShopifyOrder {
  readonly id: number;
  readonly customerId: number;
  readonly name: string;
  readonly createdAt: string;
  readonly processedAt: string;
  readonly updatedAt: string;
  readonly cancelledAt: string | null;
  /** `PAID` | `PENDING` | `REFUNDED` | `PARTIALLY_REFUNDED` | `VOIDED` */
  readonly displayFinancialStatus: string;
  /** `FULFILLED` | `UNFULFILLED` | `PARTIALLY_FULFILLED` */
  readonly displayFulfillmentStatus: string;
  /** ISO 4217, `USD` */
  readonly currencyCode: string;
  readonly subtotalPrice: string;
  readonly totalTax: string;
  readonly totalPrice: string;
  readonly lineItems: readonly ShopifyLineItem[];
}

// ---------------------------------------------------------------- Zendesk

/** Zendesk end user; numeric ids. `phone` is free text as an agent typed it. */
export interface ZendeskUser {
  readonly id: number;
  readonly name: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly externalId: string | null;
  readonly organizationId: number | null;
  /** `end-user` */
  readonly role: string;
  readonly active: boolean;
  readonly verified: boolean;
  readonly tags: readonly string[];
  /** e.g. `Pacific Time (US & Canada)` */
  readonly timeZone: string;
  readonly locale: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Zendesk ticket. */
export interface ZendeskTicket {
  readonly id: number;
  readonly requesterId: number;
  readonly submitterId: number;
  readonly assigneeId: number | null;
  readonly subject: string;
  readonly description: string;
  /** `new` | `open` | `pending` | `hold` | `solved` | `closed` */
  readonly status: string;
  /** `low` | `normal` | `high` | `urgent` */
  readonly priority: string;
  /** `problem` | `incident` | `question` | `task` */
  readonly type: string;
  readonly tags: readonly string[];
  /** `email` | `web` | `api` | `voice` | `chat` */
  readonly channel: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

// ---------------------------------------------------------------- the whole world

/** Which ground-truth person a system record belongs to. `id` is the system's id as text. */
export interface GroundTruthEntry {
  readonly system: SandboxSystem;
  /** `Contact` (Salesforce), `Customer` (Shopify), `User` (Zendesk). */
  readonly recordType: 'Contact' | 'Customer' | 'User';
  readonly id: string;
  readonly personId: string;
}

/** The generated sandbox dataset. Plain data (JSON-serialisable), deterministic for (seed, size, now). */
export interface SandboxDataset {
  readonly seed: number;
  readonly size: number;
  /** The reference "now" the history was generated back from (ISO timestamp). */
  readonly now: string;
  readonly people: readonly SandboxPerson[];
  readonly salesforce: {
    readonly accounts: readonly SfAccount[];
    readonly contacts: readonly SfContact[];
    readonly cases: readonly SfCase[];
    readonly tasks: readonly SfTask[];
  };
  readonly shopify: {
    readonly customers: readonly ShopifyCustomer[];
    readonly orders: readonly ShopifyOrder[];
  };
  readonly zendesk: {
    readonly users: readonly ZendeskUser[];
    readonly tickets: readonly ZendeskTicket[];
  };
  readonly truth: readonly GroundTruthEntry[];
}

/** Options of generateDataset. */
export interface GenerateDatasetOptions {
  /** Number of ground-truth people. Default 1000. */
  readonly size?: number;
  /** PRNG seed. Default 42. */
  readonly seed?: number;
  /** Reference "now" (ISO timestamp) history is generated back from. Default `2026-11-01T00:00:00.000Z`. */
  readonly now?: string;
}
