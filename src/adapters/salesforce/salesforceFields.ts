/** Contact fields the adapter reads (everything mapContact uses). */
export const CONTACT_FIELDS: readonly string[] = [
  'Id',
  'FirstName',
  'LastName',
  'Name',
  'Email',
  'Phone',
  'MobilePhone',
  'MailingStreet',
  'MailingCity',
  'MailingState',
  'MailingPostalCode',
  'MailingCountry',
  'Birthdate',
  'HasOptedOutOfEmail',
  'DoNotCall',
  'CreatedDate',
  'LastModifiedDate',
];

/** Case fields the adapter reads (everything mapCase uses). */
export const CASE_FIELDS: readonly string[] = [
  'Id',
  'CaseNumber',
  'ContactId',
  'Subject',
  'Status',
  'Priority',
  'Origin',
  'IsClosed',
  'CreatedDate',
  'ClosedDate',
  'LastModifiedDate',
];

/** Task fields the adapter reads (everything mapTask uses). */
export const TASK_FIELDS: readonly string[] = ['Id', 'WhoId', 'Subject', 'Status', 'TaskSubtype', 'ActivityDate', 'CallDurationInSeconds', 'CreatedDate'];
