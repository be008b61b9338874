export type { SourceRef } from './SourceRef.js';
export { formatRef, parseRef, sameRef } from './SourceRef.js';
export type { IdentityRecord, PersonName, PostalAddress } from './IdentityRecord.js';
export type { Money } from './Money.js';
export type { Order, OrderLineItem } from './Order.js';
export type { Ticket, TicketKind, TicketStatus } from './Ticket.js';
export type { Activity, ActivityKind } from './Activity.js';
export type { FetchInfo } from './FetchInfo.js';
export type { ConsentChannel, ConsentStatus, ConsentStatement } from './Consent.js';
