import { describe, expect, it } from 'vitest';
import type { IdentityRecord } from '../../../src/domain/index.js';
import { matchesKey } from '../../../src/adapters/shopify/matchesKey.js';
import type { BlockingKey } from '../../../src/adapters/types.js';

const record: IdentityRecord = {
  ref: { source: 'shop', id: '1' },
  names: [{ given: 'Jane', family: 'Doe', full: 'Jane Doe' }],
  emails: [' Jane@Example.com '],
  phones: ['+1 (415) 555-1212'],
  addresses: [],
  birthDate: null,
  identifiers: {},
  createdAt: null,
  updatedAt: null,
};

describe('matchesKey: handing batched results back to keys', () => {
  const cases: Array<[BlockingKey, boolean]> = [
    [{ kind: 'email', value: 'jane@example.com' }, true],
    [{ kind: 'email', value: 'JANE@EXAMPLE.COM' }, true],
    [{ kind: 'email', value: 'john@example.com' }, false],
    [{ kind: 'phone', value: '+14155551212' }, true],
    [{ kind: 'phone', value: '+14155551213' }, false],
    [{ kind: 'phone', value: '---' }, false],
    [{ kind: 'name', family: 'doe', given: null }, true],
    [{ kind: 'name', family: 'Doe', given: 'jane' }, true],
    [{ kind: 'name', family: 'Doe', given: 'John' }, false],
    [{ kind: 'name', family: 'Smith', given: null }, false],
    [{ kind: 'identifier', type: 'x', value: '1' }, false],
    [{ kind: 'namePrefix', family: 'do', given: null }, true],
    [{ kind: 'namePrefix', family: 'DO', given: 'j' }, true],
    [{ kind: 'namePrefix', family: 'do', given: 'x' }, false],
    [{ kind: 'namePrefix', family: 'oe', given: null }, false],
    [{ kind: 'namePhonetic', family: 'T', given: null }, false],
    [{ kind: 'birthDate', value: '1985-04-12' }, false],
    [{ kind: 'postcodeStreet', postcode: '94105', street: '1 mar' }, false],
  ];

  it.each(cases)('matches %j: %s', (key, expected) => {
    expect(matchesKey(record, key)).toBe(expected);
  });
});
