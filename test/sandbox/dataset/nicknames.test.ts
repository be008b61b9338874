import { describe, expect, it } from 'vitest';
import { NICKNAMES, nicknameFor } from '../../../src/sandbox/dataset/nicknames.js';
import { isSingleTypo } from './indexDataset.js';

describe('nicknames: table', () => {
  it.each([
    ['Robert', 'Bob'],
    ['William', 'Bill'],
    ['Elizabeth', 'Liz'],
    ['Katherine', 'Kate'],
    ['Michael', 'Mike'],
    ['Jennifer', 'Jen'],
  ])('maps %s to %s', (formal, nickname) => {
    expect(nicknameFor(formal)).toBe(nickname);
  });

  it.each([['Bob'], ['robert'], ['Zebediah'], ['']])('has no nickname for %j', (name) => {
    expect(nicknameFor(name)).toBeNull();
  });

  it('holds about 30 pairs, each formal name once', () => {
    expect(NICKNAMES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(NICKNAMES.map((p) => p.formal)).size).toBe(NICKNAMES.length);
  });

  it('never pairs a name with a nickname that could pass for a typo of it', () => {
    expect(NICKNAMES.filter((p) => p.nickname === p.formal || isSingleTypo(p.formal, p.nickname))).toEqual([]);
  });
});
