import { DEFAULT_LEVELS, type ComparisonName, type LevelProbabilities, type LevelTable } from './levelCatalogue.js';

/** Comparisons whose EXACT level is adjusted by how common the agreeing value is. */
export const TF_COMPARISONS = ['givenName', 'familyName', 'city'] as const;
/** A comparison with term-frequency adjustment. */
export type TfComparison = (typeof TF_COMPARISONS)[number];

/**
 * What matching weighs evidence with: m and u of every level, and term frequencies (Splink's term-frequency
 * adjustment): for an EXACT given name, family name or city, u is how often that value occurs, so an
 * agreeing `smith` counts less than an agreeing `featherstonehaugh`. Values rarer than `tfFloor` are not
 * listed and weigh as `min(u, tfFloor)`.
 */
export interface MatchModel {
  readonly levels: LevelTable;
  /** Normalised value → share of records holding it (0..1), per comparison. */
  readonly termFrequencies: { readonly [C in TfComparison]?: ReadonlyMap<string, number> };
  /** The frequency below which values are not listed. */
  readonly tfFloor: number;
  /** Where the model came from: `built-in`, or the file and when it was trained. */
  readonly origin: string;
}

/** The built-in model: {@link DEFAULT_LEVELS}, no term frequencies. */
export function builtInModel(): MatchModel {
  return { levels: DEFAULT_LEVELS, termFrequencies: {}, tfFloor: 1, origin: 'built-in' };
}

/** A level table with some levels replaced (partial overrides from config or a model file). */
export function withLevels(base: LevelTable, overrides: Partial<Record<string, Partial<Record<string, Partial<LevelProbabilities>>>>>): LevelTable {
  const out: Record<string, Record<string, LevelProbabilities>> = {};
  for (const [comparison, levels] of Object.entries(base) as Array<[ComparisonName, Record<string, LevelProbabilities>]>) {
    out[comparison] = {};
    for (const [level, probabilities] of Object.entries(levels)) {
      const given = overrides[comparison]?.[level];
      out[comparison]![level] = { m: given?.m ?? probabilities.m, u: given?.u ?? probabilities.u };
    }
  }
  return out as unknown as LevelTable;
}
