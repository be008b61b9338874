import type { SandboxDataset } from '../sandbox/dataset/types.js';
import { findShowcasePerson } from '../sandbox/dataset/index.js';

/** One example the demo prints: a title and a GraphQL document. */
export interface DemoExample {
  readonly title: string;
  readonly query: string;
}

const CUSTOMER_FIELDS = `id displayName
    emails { value primary sources { source id } }
    phones { value primary sources { source id } }
    identity { links { source id rule matchedOn { attribute level } } }
    orders(first: 3) { totalCount nodes { number createdAt total { amount currencyCode } } }
    tickets(first: 3) { totalCount nodes { kind number subject status } }`;

/**
 * Three example queries about one sandbox person present in all three systems: by email (typed as the CRM
 * stores it), by phone (in the help desk's format) and by Shopify id.
 */
export function demoExamples(dataset: SandboxDataset): DemoExample[] {
  const { contact, customer, user } = findShowcasePerson(dataset);
  const email = contact.email ?? user.email ?? customer.email ?? '';
  const phone = user.phone ?? contact.phone ?? contact.mobilePhone ?? customer.phone ?? '';
  return [
    { title: `By email, typed as Salesforce stores it (${email})`, query: `{\n  customerLookup(query: ${JSON.stringify(email)}) {\n    status\n    customer { ${CUSTOMER_FIELDS} }\n    candidates { reason customer { id displayName } }\n  }\n}` },
    { title: `By phone, in Zendesk's format (${phone})`, query: `{\n  customerLookup(query: ${JSON.stringify(phone)}) {\n    status\n    customer { id displayName phones { value sources { source id } } }\n  }\n}` },
    { title: `By source id: Shopify customer ${customer.id}`, query: `{\n  customerBySource(source: "shopify", id: "${customer.id}") {\n    ${CUSTOMER_FIELDS}\n  }\n}` },
  ];
}
