// Internal: the minimal shapes of Salesforce's JSON the adapter relies on. Unknown extra fields (including
// `attributes`) are allowed and dropped; a missing or mistyped field the adapter needs is a bad_response.
import { z } from 'zod';
import { toIsoDateTime } from './toIsoDateTime.js';

const text = z.string().nullish();
const dateTime = z.string().refine((value) => toIsoDateTime(value) !== null, { message: 'not a Salesforce date-time' });

/** A Contact (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_contact.htm). */
export const wireContact = z.object({
  Id: z.string(),
  FirstName: text,
  LastName: text,
  Name: text,
  Email: text,
  Phone: text,
  MobilePhone: text,
  MailingStreet: text,
  MailingCity: text,
  MailingState: text,
  MailingPostalCode: text,
  MailingCountry: text,
  Birthdate: text,
  HasOptedOutOfEmail: z.boolean().nullish(),
  DoNotCall: z.boolean().nullish(),
  CreatedDate: text,
  LastModifiedDate: text,
});
export type WireContact = z.infer<typeof wireContact>;

/** A Case (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_case.htm). */
export const wireCase = z.object({
  Id: z.string(),
  CaseNumber: z.string(),
  ContactId: z.string(),
  Subject: text,
  Status: text,
  Priority: text,
  Origin: text,
  IsClosed: z.boolean().nullish(),
  CreatedDate: dateTime,
  ClosedDate: text,
  LastModifiedDate: text,
});
export type WireCase = z.infer<typeof wireCase>;

/** A Task (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_task.htm). */
export const wireTask = z.object({
  Id: z.string(),
  WhoId: z.string(),
  Subject: text,
  Status: text,
  TaskSubtype: text,
  ActivityDate: text,
  CallDurationInSeconds: z.number().nullish(),
  CreatedDate: dateTime,
});
export type WireTask = z.infer<typeof wireTask>;

/** One page of a Query resource answer; `records` are checked per object by the caller. */
export const wireQueryPage = z.object({
  totalSize: z.number(),
  done: z.boolean(),
  nextRecordsUrl: z.string().nullish(),
  records: z.array(z.unknown()),
});

/** A Search resource answer to `RETURNING Contact(...)`. */
export const wireContactSearch = z.object({ searchRecords: z.array(wireContact) });

/** An sObject Collections retrieve answer: one slot per requested id, `null` for an unknown one. */
export const wireCollection = z.array(wireContact.nullable());
