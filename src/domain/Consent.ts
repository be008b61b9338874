/** A contact channel consent applies to. */
export type ConsentChannel = 'email' | 'sms' | 'phone';

/**
 * Consent states, from most to least restrictive: `OPTED_OUT` (the person refused: Salesforce
 * `HasOptedOutOfEmail`/`DoNotCall` true, Shopify `UNSUBSCRIBED`), `NOT_OPTED_IN` (no consent given: Shopify
 * `NOT_SUBSCRIBED`, `PENDING`, `INVALID`, `REDACTED`), `NO_OBJECTION` (not opted out, but never asked:
 * Salesforce flags false), `OPTED_IN` (explicit consent: Shopify `SUBSCRIBED`).
 */
export type ConsentStatus = 'OPTED_OUT' | 'NOT_OPTED_IN' | 'NO_OBJECTION' | 'OPTED_IN';

/** What one source record says about one channel. */
export interface ConsentStatement {
  readonly channel: ConsentChannel;
  readonly status: ConsentStatus;
  /** The source's own field and value, e.g. `HasOptedOutOfEmail=true`, `emailMarketingState=SUBSCRIBED`. */
  readonly sourceValue: string;
  /** ISO 8601 time the source last changed it; the record's last-modified time when the source has no per-field time. */
  readonly updatedAt: string | null;
}
