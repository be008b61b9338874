/** An amount in a currency. `amount` is a decimal string, as the vendors send it, to avoid float drift. */
export interface Money {
  readonly amount: string;
  /** ISO 4217 code. */
  readonly currencyCode: string;
}
