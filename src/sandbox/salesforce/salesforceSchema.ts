/**
 * The slice of the Salesforce data model the fake serves: four standard objects with the fields the gateway
 * reads. Field names are the canonical API names; look-ups through {@link findObject} / {@link findField} are
 * case-insensitive, as in SOQL.
 */

/** Field data types that change how the fake filters, sorts and searches. */
export type SfFieldType = 'id' | 'reference' | 'string' | 'email' | 'phone' | 'picklist' | 'textarea' | 'boolean' | 'date' | 'datetime' | 'int';

/** One field of an sObject. */
export interface SfFieldDef {
  readonly name: string;
  readonly type: SfFieldType;
  /** For `reference` fields: the parent object, reachable through `relationshipName` (`AccountId` → `Account`). */
  readonly referenceTo?: string;
  readonly relationshipName?: string;
  /** Part of the record's name (SOSL `IN NAME FIELDS`). */
  readonly isName?: boolean;
  /** False for long text areas, which SOQL cannot filter or sort on. Default true. */
  readonly filterable?: boolean;
}

/** One sObject type. */
export interface SfObjectDef {
  readonly name: string;
  /** First three characters of its record ids (`003` for Contact). */
  readonly keyPrefix: string;
  readonly fields: readonly SfFieldDef[];
  /** Parent-to-child relationships (`Cases` on Contact): the child object and its field naming the parent. */
  readonly childRelationships?: readonly SfChildRelationship[];
}

/** A parent-to-child relationship a SOQL sub-query names in its FROM (`SELECT … FROM Cases`). */
export interface SfChildRelationship {
  readonly name: string;
  readonly childObject: string;
  readonly field: string;
}

const id: SfFieldDef = { name: 'Id', type: 'id' };
const createdDate: SfFieldDef = { name: 'CreatedDate', type: 'datetime' };
const lastModifiedDate: SfFieldDef = { name: 'LastModifiedDate', type: 'datetime' };

const OBJECTS: readonly SfObjectDef[] = [
  {
    name: 'Contact',
    keyPrefix: '003',
    fields: [
      id,
      { name: 'FirstName', type: 'string', isName: true },
      { name: 'LastName', type: 'string', isName: true },
      { name: 'Name', type: 'string', isName: true },
      { name: 'Email', type: 'email' },
      { name: 'Phone', type: 'phone' },
      { name: 'MobilePhone', type: 'phone' },
      { name: 'AccountId', type: 'reference', referenceTo: 'Account', relationshipName: 'Account' },
      { name: 'MailingStreet', type: 'textarea' },
      { name: 'MailingCity', type: 'string' },
      { name: 'MailingState', type: 'string' },
      { name: 'MailingPostalCode', type: 'string' },
      { name: 'MailingCountry', type: 'string' },
      { name: 'Birthdate', type: 'date' },
      { name: 'HasOptedOutOfEmail', type: 'boolean' },
      { name: 'DoNotCall', type: 'boolean' },
      createdDate,
      lastModifiedDate,
    ],
    childRelationships: [
      { name: 'Cases', childObject: 'Case', field: 'ContactId' },
      { name: 'Tasks', childObject: 'Task', field: 'WhoId' },
    ],
  },
  {
    name: 'Account',
    keyPrefix: '001',
    fields: [id, { name: 'Name', type: 'string', isName: true }, { name: 'Phone', type: 'phone' }, createdDate, lastModifiedDate],
  },
  {
    name: 'Case',
    keyPrefix: '500',
    fields: [
      id,
      { name: 'CaseNumber', type: 'string' },
      { name: 'ContactId', type: 'reference', referenceTo: 'Contact', relationshipName: 'Contact' },
      { name: 'AccountId', type: 'reference', referenceTo: 'Account', relationshipName: 'Account' },
      { name: 'Subject', type: 'string' },
      // Long text area: SOQL rejects it in WHERE and ORDER BY.
      { name: 'Description', type: 'textarea', filterable: false },
      { name: 'Status', type: 'picklist' },
      { name: 'Priority', type: 'picklist' },
      { name: 'Origin', type: 'picklist' },
      { name: 'IsClosed', type: 'boolean' },
      createdDate,
      { name: 'ClosedDate', type: 'datetime' },
      lastModifiedDate,
      { name: 'ContactEmail', type: 'email' },
      { name: 'ContactPhone', type: 'phone' },
    ],
  },
  {
    name: 'Task',
    keyPrefix: '00T',
    fields: [
      id,
      // Polymorphic (Contact or Lead; Account, Opportunity, ...): no relationship traversal in the fake.
      { name: 'WhoId', type: 'reference' },
      { name: 'WhatId', type: 'reference' },
      { name: 'Subject', type: 'string' },
      { name: 'Status', type: 'picklist' },
      { name: 'Priority', type: 'picklist' },
      { name: 'TaskSubtype', type: 'picklist' },
      { name: 'ActivityDate', type: 'date' },
      { name: 'CallDurationInSeconds', type: 'int' },
      createdDate,
      lastModifiedDate,
    ],
  },
];

/** The sObject named `name` (case-insensitive), or undefined. */
export function findObject(name: string): SfObjectDef | undefined {
  const wanted = name.toLowerCase();
  return OBJECTS.find((o) => o.name.toLowerCase() === wanted);
}

/** The field named `name` on `object` (case-insensitive), or undefined. */
export function findField(object: SfObjectDef, name: string): SfFieldDef | undefined {
  const wanted = name.toLowerCase();
  return object.fields.find((f) => f.name.toLowerCase() === wanted);
}

/** The reference field whose relationship is called `name` (`Account` on Contact), or undefined. */
export function findRelationship(object: SfObjectDef, name: string): SfFieldDef | undefined {
  const wanted = name.toLowerCase();
  return object.fields.find((f) => f.relationshipName?.toLowerCase() === wanted);
}

/** The child relationship called `name` on `object` (case-insensitive), or undefined. */
export function findChildRelationship(object: SfObjectDef, name: string): SfChildRelationship | undefined {
  const wanted = name.toLowerCase();
  return object.childRelationships?.find((r) => r.name.toLowerCase() === wanted);
}

/** True for types compared as text (case-insensitively for `=`, `IN` and `LIKE`). */
export function isTextType(type: SfFieldType): boolean {
  return type === 'string' || type === 'email' || type === 'phone' || type === 'picklist' || type === 'textarea';
}
