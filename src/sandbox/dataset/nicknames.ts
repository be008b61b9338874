/** One formal given name and the short form people use for it. */
export interface NicknamePair {
  readonly formal: string;
  readonly nickname: string;
  readonly sex: 'female' | 'male';
}

/** Common US English formal names and their nicknames; a formal name appears once. */
export const NICKNAMES: readonly NicknamePair[] = [
  { formal: 'Robert', nickname: 'Bob', sex: 'male' },
  { formal: 'William', nickname: 'Bill', sex: 'male' },
  { formal: 'Michael', nickname: 'Mike', sex: 'male' },
  { formal: 'James', nickname: 'Jim', sex: 'male' },
  { formal: 'Richard', nickname: 'Rick', sex: 'male' },
  { formal: 'Joseph', nickname: 'Joe', sex: 'male' },
  { formal: 'Thomas', nickname: 'Tom', sex: 'male' },
  { formal: 'Charles', nickname: 'Charlie', sex: 'male' },
  { formal: 'Christopher', nickname: 'Chris', sex: 'male' },
  { formal: 'Daniel', nickname: 'Dan', sex: 'male' },
  { formal: 'Matthew', nickname: 'Matt', sex: 'male' },
  { formal: 'Anthony', nickname: 'Tony', sex: 'male' },
  { formal: 'Steven', nickname: 'Steve', sex: 'male' },
  { formal: 'Andrew', nickname: 'Andy', sex: 'male' },
  { formal: 'Edward', nickname: 'Ed', sex: 'male' },
  { formal: 'Benjamin', nickname: 'Ben', sex: 'male' },
  { formal: 'Nicholas', nickname: 'Nick', sex: 'male' },
  { formal: 'Jonathan', nickname: 'Jon', sex: 'male' },
  { formal: 'Alexander', nickname: 'Alex', sex: 'male' },
  { formal: 'Elizabeth', nickname: 'Liz', sex: 'female' },
  { formal: 'Katherine', nickname: 'Kate', sex: 'female' },
  { formal: 'Jennifer', nickname: 'Jen', sex: 'female' },
  { formal: 'Patricia', nickname: 'Patty', sex: 'female' },
  { formal: 'Margaret', nickname: 'Maggie', sex: 'female' },
  { formal: 'Susan', nickname: 'Sue', sex: 'female' },
  { formal: 'Deborah', nickname: 'Debbie', sex: 'female' },
  { formal: 'Rebecca', nickname: 'Becky', sex: 'female' },
  { formal: 'Jessica', nickname: 'Jess', sex: 'female' },
  { formal: 'Victoria', nickname: 'Vicky', sex: 'female' },
  { formal: 'Samantha', nickname: 'Sam', sex: 'female' },
  { formal: 'Kimberly', nickname: 'Kim', sex: 'female' },
  { formal: 'Abigail', nickname: 'Abby', sex: 'female' },
];

const BY_FORMAL = new Map(NICKNAMES.map((pair) => [pair.formal, pair.nickname]));

/** The nickname for an exact (case-sensitive) formal given name from {@link NICKNAMES}, else null. */
export function nicknameFor(givenName: string): string | null {
  return BY_FORMAL.get(givenName) ?? null;
}
