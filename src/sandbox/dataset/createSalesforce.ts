import { DAY_MS } from './createClock.js';
import { createCases } from './createCases.js';
import { createContactDraft, createDuplicateDraft, type ContactDraft } from './createContactDraft.js';
import { createTasks } from './createTasks.js';
import type { DatasetContext } from './DatasetContext.js';
import { formatPhone } from './formatPhone.js';
import type { SharedEmail } from './createPeople.js';
import { salesforceId } from './salesforceId.js';
import type { GroundTruthEntry, SandboxPerson, SfAccount, SfCase, SfContact, SfTask } from './types.js';

/** Share of Salesforce people with a second Contact for the same person (same email). */
const DUPLICATE_RATE = 0.02;
/** Share of Accounts with the first member's phone on the Account itself. */
const ACCOUNT_PHONE_RATE = 0.5;

/** The simulated Salesforce org plus the ground truth of its Contacts. */
export interface SalesforceRecords {
  readonly accounts: SfAccount[];
  readonly contacts: SfContact[];
  readonly cases: SfCase[];
  readonly tasks: SfTask[];
  readonly truth: GroundTruthEntry[];
}

interface AccountDraft {
  readonly householdId: string;
  readonly name: string;
  readonly phone: string | null;
  readonly createdMs: number;
}

/**
 * One Account per household (`<Family> Household`) and one Contact per Salesforce person, plus an occasional
 * duplicate Contact; both members of a shared-email household carry the shared email here. Ids of every
 * object increase with its created date, as a real org's do.
 */
export function createSalesforce(
  ctx: DatasetContext,
  people: readonly SandboxPerson[],
  sharedEmails: ReadonlyMap<string, SharedEmail>,
): SalesforceRecords {
  const { faker, clock } = ctx;
  const accountDrafts = new Map<string, AccountDraft>();
  const contactDrafts: ContactDraft[] = [];
  for (const person of people) {
    if (!person.systems.includes('salesforce')) continue;
    let account = accountDrafts.get(person.householdId);
    if (account === undefined) {
      account = {
        householdId: person.householdId,
        name: `${person.familyName} Household`,
        phone: faker.datatype.boolean(ACCOUNT_PHONE_RATE) ? formatPhone(person.phone, 'parenthesized') : null,
        createdMs: clock.between(clock.startMs, clock.nowMs - 30 * DAY_MS),
      };
      accountDrafts.set(person.householdId, account);
    }
    const sharedEmail = sharedEmails.get(person.householdId)?.email ?? null;
    const contact = createContactDraft(ctx, person, sharedEmail, account.createdMs);
    contactDrafts.push(contact);
    if (contact.email !== null && faker.datatype.boolean(DUPLICATE_RATE)) {
      contactDrafts.push(createDuplicateDraft(ctx, person, contact));
    }
  }

  const accountIds = new Map<string, string>();
  const accounts = [...accountDrafts.values()]
    .sort((a, b) => a.createdMs - b.createdMs)
    .map((draft, index): SfAccount => {
      const id = salesforceId('001', index);
      accountIds.set(draft.householdId, id);
      const createdDate = clock.iso(draft.createdMs);
      const lastModifiedDate = clock.iso(clock.between(draft.createdMs, clock.nowMs));
      return { id, name: draft.name, phone: draft.phone, createdDate, lastModifiedDate };
    });

  const truth: GroundTruthEntry[] = [];
  const contacts = contactDrafts
    .sort((a, b) => a.createdMs - b.createdMs)
    .map((draft, index): SfContact => {
      const { personId, householdId, createdMs, modifiedMs, ...fields } = draft;
      const id = salesforceId('003', index);
      truth.push({ system: 'salesforce', recordType: 'Contact', id, personId });
      return {
        id,
        accountId: accountIds.get(householdId) ?? '',
        ...fields,
        createdDate: clock.iso(createdMs),
        lastModifiedDate: clock.iso(modifiedMs),
      };
    });
  return { accounts, contacts, cases: createCases(ctx, contacts), tasks: createTasks(ctx, contacts), truth };
}
