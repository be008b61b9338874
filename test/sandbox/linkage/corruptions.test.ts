import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { addressError, STREET_TYPES, type AddressErrorKind, type StreetAddress } from '../../../src/sandbox/linkage/corruptAddress.js';
import { dateError, parseIsoDate, isoDate, corruptDate, type DateErrorKind } from '../../../src/sandbox/linkage/corruptDate.js';
import { emailError, EMAIL_DOMAINS, type EmailErrorKind } from '../../../src/sandbox/linkage/corruptEmail.js';
import { formatPhone, phoneError, type PhoneFormat } from '../../../src/sandbox/linkage/corruptPhone.js';
import { createRandom } from '../../../src/sandbox/linkage/createRandom.js';
import { deleteCharacter, insertCharacter, KEYBOARD_NEIGHBOURS, keyboardTypo, substituteNeighbour, transposeCharacters } from '../../../src/sandbox/linkage/keyboardTypo.js';
import { nicknameFor } from '../../../src/sandbox/linkage/linkageNicknames.js';
import { OCR_CONFUSIONS, ocrError } from '../../../src/sandbox/linkage/ocrError.js';
import { PHONETIC_RULES, phoneticError } from '../../../src/sandbox/linkage/phoneticError.js';

const SEEDS = Array.from({ length: 60 }, (_, i) => i * 7 + 1);
const outputs = (f: (random: ReturnType<typeof createRandom>) => string): Set<string> => new Set(SEEDS.map((seed) => f(createRandom(seed))));

const differsAt = (a: string, b: string): number[] => [...a].flatMap((ch, i) => (ch !== b[i] ? [i] : []));
const isAdjacentSwap = (a: string, b: string): boolean => {
  const d = differsAt(a, b);
  return a.length === b.length && d.length === 2 && d[1] === d[0]! + 1 && a[d[0]!] === b[d[1]!] && a[d[1]!] === b[d[0]!];
};

describe('keyboardTypo: keying errors', () => {
  const table: Array<[string, (s: string, r: ReturnType<typeof createRandom>) => string, (input: string, out: string) => boolean]> = [
    ['substituteNeighbour replaces one character with a neighbouring key, keeping a letter\'s case', substituteNeighbour, (input, out) => {
      const d = differsAt(input, out);
      return out.length === input.length && d.length === 1 && KEYBOARD_NEIGHBOURS[input[d[0]!]!.toLowerCase()]!.includes(out[d[0]!]!.toLowerCase()) &&
        (/\d/.test(out[d[0]!]!) || (input[d[0]!] !== input[d[0]!]!.toLowerCase()) === (out[d[0]!] !== out[d[0]!]!.toLowerCase()));
    }],
    ['insertCharacter adds one character', insertCharacter, (input, out) => out.length === input.length + 1 && distance(input, out) === 1],
    ['deleteCharacter drops one character', deleteCharacter, (input, out) => out.length === input.length - 1 && distance(input, out) === 1],
    ['transposeCharacters swaps two adjacent characters', transposeCharacters, isAdjacentSwap],
    ['keyboardTypo makes exactly one keying error', keyboardTypo, (input, out) => out !== input && (distance(input, out) === 1 || isAdjacentSwap(input, out))],
  ];
  it.each(table)('%s', (_name, corrupt, holds) => {
    for (const input of ['Smith', 'Hernandez', 'mary-jane', 'O Brien', '123']) {
      for (const out of outputs((r) => corrupt(input, r))) expect(holds(input, out), `${input} → ${out}`).toBe(true);
    }
  });

  it('knows QWERTY neighbours', () => {
    expect([...KEYBOARD_NEIGHBOURS['s']!].sort().join('')).toBe('adewxz');
    expect(KEYBOARD_NEIGHBOURS['p']).toContain('o');
    expect(KEYBOARD_NEIGHBOURS['p']).not.toContain('a');
  });

  it('leaves strings it cannot corrupt alone', () => {
    const r = createRandom(1);
    expect(deleteCharacter('Al', r)).toBe('Al');
    expect(transposeCharacters('aa', r)).toBe('aa');
    expect(substituteNeighbour('--', r)).toBe('--');
  });
});

describe('phoneticError: sound-alike spellings', () => {
  const oneRule = (input: string, out: string): boolean =>
    PHONETIC_RULES.some(([pattern, replacement]) => {
      const bare = pattern.replace(/^\^|\$$/g, '');
      const lower = input.toLowerCase();
      for (let i = lower.indexOf(bare); i >= 0; i = lower.indexOf(bare, i + 1)) {
        if (pattern.startsWith('^') && i !== 0) continue;
        if (pattern.endsWith('$') && i + bare.length !== lower.length) continue;
        if (lower.slice(0, i) + replacement + lower.slice(i + bare.length) === out.toLowerCase()) return true;
      }
      return false;
    });

  it.each([
    ['Philips', 'Filips'], ['Stephenson', 'Stephensen'], ['Carlsen', 'Carlson'], ['Jackie', 'Jacky'],
    ['Dickson', 'Dikson'], ['Whitney', 'Witney'], ['Knight', 'Night'], ['Schmidt', 'Schmit'],
  ])('%s can become %s, and every output is one rule away', (input, expected) => {
    const all = outputs((r) => phoneticError(input, r));
    expect(all).toContain(expected);
    for (const out of all) {
      expect(out).not.toBe(input);
      expect(oneRule(input, out), `${input} → ${out}`).toBe(true);
      expect(out[0]).toBe(out[0]!.toUpperCase());
    }
  });

  it('returns the word unchanged when no rule applies', () => {
    expect(phoneticError('Bo', createRandom(3))).toBe('Bo');
  });
});

describe('ocrError: scanner confusions', () => {
  it.each([
    ['Hernandez', 'Hemandez'], ['Mcclure', 'Mcdure'], ['105', 'l05'], ['105', '1o5'], ['Sims', '5ims'], ['Lowe', 'Lovve'],
  ])('%s can become %s, and every output is one confusion away', (input, expected) => {
    const all = outputs((r) => ocrError(input, r));
    expect(all).toContain(expected);
    for (const out of all) {
      const ok = OCR_CONFUSIONS.some(([from, to]) => {
        for (let i = input.indexOf(from); i >= 0; i = input.indexOf(from, i + 1)) if (input.slice(0, i) + to + input.slice(i + from.length) === out) return true;
        return false;
      });
      expect(ok, `${input} → ${out}`).toBe(true);
    }
  });

  it('returns the string unchanged when nothing is confusable', () => {
    expect(ocrError('KAT', createRandom(1))).toBe('KAT');
  });
});

describe('nicknameFor: short forms', () => {
  it.each([
    ['Robert', ['Bob', 'Rob', 'Bobby', 'Robbie']],
    ['ELIZABETH', ['LIZ', 'BETH', 'BETTY', 'ELIZA', 'LIZZIE']],
    ['william', ['bill', 'will', 'billy', 'liam']],
  ])('%s becomes one of its nicknames in the same case', (given, expected) => {
    for (const out of outputs((r) => nicknameFor(given, r)!)) expect(expected).toContain(out);
  });

  it('has no nickname for an unknown name', () => {
    expect(nicknameFor('Zebulon', createRandom(1))).toBeNull();
  });
});

describe('corruptDate: date errors', () => {
  const table: Array<[DateErrorKind, string, (out: string) => boolean]> = [
    ['oneDigit', '1985-03-07', (out) => differsAt('19850307', out.replace(/-/g, '')).length === 1],
    ['dayMonthSwapped', '1985-03-07', (out) => out === '1985-07-03'],
    ['yearOffByOne', '1985-03-07', (out) => out === '1984-03-07' || out === '1986-03-07'],
    ['yearOffByOne', '2000-02-29', (out) => out === '1999-02-28' || out === '2001-02-28'],
    ['yearOffByTen', '1985-03-07', (out) => out === '1975-03-07' || out === '1995-03-07'],
    ['onlyYearRight', '1985-03-07', (out) => out.startsWith('1985-') && out !== '1985-03-07'],
  ];
  it.each(table)('%s turns %s into a valid, different date', (kind, input, holds) => {
    for (const seed of SEEDS) {
      const out = dateError(parseIsoDate(input), kind, createRandom(seed));
      expect(out).not.toBeNull();
      const text = isoDate(out!);
      expect(holds(text), `${input} → ${text}`).toBe(true);
      expect(new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10)).toBe(text);
    }
  });

  it.each(['1985-03-15', '1985-03-03'])('cannot swap day and month of %s', (input) => {
    expect(dateError(parseIsoDate(input), 'dayMonthSwapped', createRandom(1))).toBeNull();
  });

  it('always returns a different date', () => {
    for (const seed of SEEDS) expect(isoDate(corruptDate(parseIsoDate('1990-12-25'), createRandom(seed)))).not.toBe('1990-12-25');
  });
});

describe('corruptEmail: email errors', () => {
  const table: Array<[EmailErrorKind, (out: string) => boolean]> = [
    ['localTypo', (out) => out.endsWith('@gmail.com') && distance(out.split('@')[0]!, 'jane.doe') <= 2 && !out.startsWith('jane.doe@')],
    ['otherDomain', (out) => out.startsWith('jane.doe@') && out !== 'jane.doe@gmail.com' && (EMAIL_DOMAINS as readonly string[]).includes(out.split('@')[1]!)],
    ['domainTypo', (out) => out.startsWith('jane.doe@') && out !== 'jane.doe@gmail.com' && distance(out.split('@')[1]!, 'gmail.com') <= 2],
    ['plusTag', (out) => /^jane\.doe\+[a-z0-9]+@gmail\.com$/.test(out)],
  ];
  it.each(table)('%s', (kind, holds) => {
    for (const out of outputs((r) => emailError('jane.doe@gmail.com', kind, r))) expect(holds(out), out).toBe(true);
  });

  it('misspells an unknown domain by one keying error', () => {
    for (const out of outputs((r) => emailError('jo@acme.org', 'domainTypo', r))) {
      expect(out).toMatch(/^jo@[^@]+\.org$/);
      expect(out).not.toBe('jo@acme.org');
    }
  });
});

describe('corruptPhone: formats and keying errors', () => {
  it.each([
    ['dashed', '415-555-1212'], ['parenthesised', '(415) 555-1212'], ['dotted', '415.555.1212'],
    ['digits', '4155551212'], ['e164', '+14155551212'], ['international', '+1 415 555 1212'],
  ] as Array<[PhoneFormat, string]>)('writes %s as %s', (format, expected) => {
    expect(formatPhone('4155551212', format)).toBe(expected);
  });

  it('rejects a number that is not 10 digits', () => {
    expect(() => formatPhone('555-1212', 'dashed')).toThrow(RangeError);
  });

  it('digitTypo changes exactly one digit, never the first', () => {
    for (const out of outputs((r) => phoneError('4155551212', 'digitTypo', r))) {
      expect(out).toMatch(/^\d{10}$/);
      expect(differsAt('4155551212', out)).toHaveLength(1);
      expect(out[0]).toBe('4');
    }
  });

  it('digitsTransposed swaps two adjacent digits', () => {
    for (const out of outputs((r) => phoneError('4155551212', 'digitsTransposed', r))) expect(isAdjacentSwap('4155551212', out), out).toBe(true);
  });
});

describe('corruptAddress: street variations', () => {
  const base: StreetAddress = { houseNumber: '123', streetName: 'Maple', streetType: 'Street' };
  const table: Array<[AddressErrorKind, StreetAddress, (out: StreetAddress) => boolean]> = [
    ['streetTypeAbbreviated', base, (out) => STREET_TYPES['Street']!.includes(out.streetType) && out.streetName === 'Maple' && out.houseNumber === '123'],
    ['streetTypeAbbreviated', { ...base, streetType: 'St' }, (out) => ['Street', 'St.', 'Str'].includes(out.streetType)],
    ['streetNameTypo', base, (out) => out.streetName !== 'Maple' && distance(out.streetName, 'Maple') <= 2 && out.streetType === 'Street' && out.houseNumber === '123'],
    ['houseNumberTypo', base, (out) => /^[1-9]\d*$/.test(out.houseNumber) && out.houseNumber !== '123' && distance(out.houseNumber, '123') === 1 && out.streetName === 'Maple'],
  ];
  it.each(table)('%s of %j', (kind, input, holds) => {
    for (const seed of SEEDS) {
      const out = addressError(input, kind, createRandom(seed));
      expect(holds(out), JSON.stringify(out)).toBe(true);
    }
  });
});
