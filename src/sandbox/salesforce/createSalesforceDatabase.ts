import type { SandboxDataset, SfContact } from '../dataset/types.js';
import { formatSalesforceDateTime } from './formatSalesforceDateTime.js';
import { salesforceIdKey } from './isSalesforceId.js';

/** A field value as it goes on the wire (date-times already in Salesforce's `+0000` form). */
export type SfValue = string | number | boolean | null;

/** One record: canonical field name → wire value. */
export type SfRow = Readonly<Record<string, SfValue>>;

/** The fake's read-only org data, keyed by canonical sObject name. */
export interface SalesforceDatabase {
  /** Every record of `objectName`, in dataset order; empty for an unknown object. */
  rows(objectName: string): readonly SfRow[];
  /** The record with this 15- or 18-char id, or undefined. */
  byId(objectName: string, id: string): SfRow | undefined;
  /**
   * Replaces a record with `fields` applied and `LastModifiedDate` now (a Contact's `Name` re-derived); returns
   * the new row, or undefined for an unknown record. The dataset is untouched.
   */
  update(objectName: string, id: string, fields: Readonly<Record<string, SfValue>>): SfRow | undefined;
}

/**
 * Builds the fake org from the Salesforce part of a sandbox dataset: renames fields to their API names,
 * derives `Contact.Name` and the denormalised `Case.ContactEmail` / `ContactPhone`, and formats date-times.
 */
export function createSalesforceDatabase(dataset: SandboxDataset): SalesforceDatabase {
  const sf = dataset.salesforce;
  const contactsById = new Map<string, SfContact>(sf.contacts.map((c) => [salesforceIdKey(c.id), c]));
  const tables = new Map<string, SfRow[]>([
    [
      'Account',
      sf.accounts.map((a) => ({
        Id: a.id,
        Name: a.name,
        Phone: a.phone,
        CreatedDate: formatSalesforceDateTime(a.createdDate),
        LastModifiedDate: formatSalesforceDateTime(a.lastModifiedDate),
      })),
    ],
    ['Contact', sf.contacts.map(contactRow)],
    [
      'Case',
      sf.cases.map((c) => {
        const contact = contactsById.get(salesforceIdKey(c.contactId));
        return {
          Id: c.id,
          CaseNumber: c.caseNumber,
          ContactId: c.contactId,
          AccountId: c.accountId,
          Subject: c.subject,
          Description: c.description,
          Status: c.status,
          Priority: c.priority,
          Origin: c.origin,
          IsClosed: c.isClosed,
          CreatedDate: formatSalesforceDateTime(c.createdDate),
          ClosedDate: c.closedDate === null ? null : formatSalesforceDateTime(c.closedDate),
          LastModifiedDate: formatSalesforceDateTime(c.lastModifiedDate),
          ContactEmail: contact?.email ?? null,
          ContactPhone: contact?.phone ?? null,
        };
      }),
    ],
    [
      'Task',
      sf.tasks.map((t) => ({
        Id: t.id,
        WhoId: t.whoId,
        WhatId: t.whatId,
        Subject: t.subject,
        Status: t.status,
        Priority: t.priority,
        TaskSubtype: t.taskSubtype,
        ActivityDate: t.activityDate,
        CallDurationInSeconds: t.callDurationInSeconds,
        CreatedDate: formatSalesforceDateTime(t.createdDate),
        LastModifiedDate: formatSalesforceDateTime(t.lastModifiedDate),
      })),
    ],
  ]);
  const indexes = new Map<string, Map<string, SfRow>>();
  for (const [name, rows] of tables) indexes.set(name, new Map(rows.map((r) => [salesforceIdKey(String(r['Id'])), r])));
  return {
    rows: (objectName) => tables.get(objectName) ?? [],
    byId: (objectName, id) => indexes.get(objectName)?.get(salesforceIdKey(id)),
    update(objectName, id, fields) {
      const index = indexes.get(objectName);
      const current = index?.get(salesforceIdKey(id));
      const table = tables.get(objectName);
      if (!index || !current || !table) return undefined;
      const merged: Record<string, SfValue> = { ...current, ...fields, LastModifiedDate: formatSalesforceDateTime(new Date().toISOString()) };
      if (objectName === 'Contact') merged['Name'] = [merged['FirstName'], merged['LastName']].filter((part) => typeof part === 'string' && part !== '').join(' ');
      table[table.indexOf(current)] = merged;
      index.set(salesforceIdKey(id), merged);
      return merged;
    },
  };
}

function contactRow(c: SfContact): SfRow {
  return {
    Id: c.id,
    FirstName: c.firstName,
    LastName: c.lastName,
    Name: [c.firstName, c.lastName].filter((part) => part !== null && part !== '').join(' '),
    Email: c.email,
    Phone: c.phone,
    MobilePhone: c.mobilePhone,
    AccountId: c.accountId,
    MailingStreet: c.mailingStreet,
    MailingCity: c.mailingCity,
    MailingState: c.mailingState,
    MailingPostalCode: c.mailingPostalCode,
    MailingCountry: c.mailingCountry,
    Birthdate: c.birthdate,
    HasOptedOutOfEmail: c.hasOptedOutOfEmail,
    DoNotCall: c.doNotCall,
    CreatedDate: formatSalesforceDateTime(c.createdDate),
    LastModifiedDate: formatSalesforceDateTime(c.lastModifiedDate),
  };
}
