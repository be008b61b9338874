import { describe, expect, it } from 'vitest';
import { corruptRecord, type ObservedRecord } from '../../../src/sandbox/linkage/corruptRecord.js';
import { createRandom } from '../../../src/sandbox/linkage/createRandom.js';

const full = (): ObservedRecord => ({
  givenName: 'Robert', familyName: 'Johnson', birthDate: { year: 1980, month: 4, day: 9 }, email: 'rob.johnson@gmail.com', phone: '4155551212',
  street: { houseNumber: '42', streetName: 'Maple', streetType: 'Street' }, city: 'Akron', state: 'OH', postcode: '44301',
});

describe('corruptRecord: errors on a whole record', () => {
  it('applies the requested number of errors and names each as kind:field', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const record = full();
      const errors = corruptRecord(record, 3, createRandom(seed));
      expect(errors).toHaveLength(3);
      for (const e of errors) expect(e).toMatch(/^(typo|phonetic|ocr|nameSwap|blank|nickname|date|email|phone|streetType|streetTypo|houseNumber|moved):\w+$/);
      expect(record).not.toEqual(full());
    }
  });

  it('applies nothing for zero errors', () => {
    const record = full();
    expect(corruptRecord(record, 0, createRandom(1))).toEqual([]);
    expect(record).toEqual(full());
  });

  it('never blanks a record below two filled fields, and only uses errors that fit what it holds', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const record: ObservedRecord = { ...full(), birthDate: null, phone: null, street: null, city: null, state: null, postcode: null };
      const errors = corruptRecord(record, 3, createRandom(seed));
      expect(Object.values(record).filter((v) => v !== null).length).toBeGreaterThanOrEqual(2);
      for (const e of errors) expect(e).toMatch(/^(typo|phonetic|ocr|nameSwap|blank|nickname|email):/);
    }
  });

  it('swaps given and family name on nameSwap', () => {
    const swapped = Array.from({ length: 200 }, (_, seed) => {
      const record = full();
      return corruptRecord(record, 1, createRandom(seed))[0] === 'nameSwap:name' ? record : null;
    }).filter((r) => r !== null);
    expect(swapped.length).toBeGreaterThan(0);
    for (const r of swapped) expect([r.givenName, r.familyName]).toEqual(['Johnson', 'Robert']);
  });
});
