import { en, en_US, Faker } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { capitalizeEmail, emailCaseVariant, padEmail, typo } from '../../../src/sandbox/dataset/variants.js';
import { isSingleTypo } from './indexDataset.js';

function seeded(seed: number): Faker {
  const faker = new Faker({ locale: [en_US, en] });
  faker.seed(seed);
  return faker;
}

describe('variants: typo', () => {
  it.each([['Jennifer'], ['Al'], ["O'Keefe"], ['Lesch-Pouros'], ['Anna'], ['McClure']])(
    'changes %s by exactly one substitution or adjacent swap, keeping the first letter',
    (name) => {
      for (let seed = 0; seed < 200; seed++) {
        const result = typo(seeded(seed), name);
        expect(isSingleTypo(name, result), `${name} → ${result}`).toBe(true);
        expect(result.charAt(0)).toBe(name.charAt(0));
      }
    },
  );

  it('produces both kinds of slip', () => {
    const results = Array.from({ length: 200 }, (_, seed) => typo(seeded(seed), 'Jennifer'));
    const swapped = results.filter((r) => [...r].sort().join() === [...'Jennifer'].sort().join());
    expect(swapped.length).toBeGreaterThan(0);
    expect(swapped.length).toBeLessThan(results.length);
  });

  it('is deterministic for a seed', () => {
    expect(typo(seeded(9), 'Katherine')).toBe(typo(seeded(9), 'Katherine'));
  });
});

describe('variants: emails', () => {
  it.each([
    ['jane.doe@example.com', 'Jane.Doe@Example.Com'],
    ['jane_doe@mail.example', 'Jane_Doe@Mail.Example'],
    ['jdoe42@example.org', 'Jdoe42@Example.Org'],
    ['smithfamily@example.net', 'Smithfamily@Example.Net'],
  ])('capitalises %s as %s', (email, expected) => {
    expect(capitalizeEmail(email)).toBe(expected);
  });

  it('varies only the letter case', () => {
    for (let seed = 0; seed < 50; seed++) {
      const variant = emailCaseVariant(seeded(seed), 'jane.doe@example.com');
      expect(variant).not.toBe('jane.doe@example.com');
      expect(variant.toLowerCase()).toBe('jane.doe@example.com');
    }
  });

  it('pads with whitespace that trimming removes', () => {
    for (let seed = 0; seed < 50; seed++) {
      const padded = padEmail(seeded(seed), 'jane.doe@example.com');
      expect(padded).not.toBe('jane.doe@example.com');
      expect(padded.trim()).toBe('jane.doe@example.com');
    }
  });
});
