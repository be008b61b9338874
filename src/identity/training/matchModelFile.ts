import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_LEVELS, LEVEL_CATALOGUE, type ComparisonName, type LevelTable } from '../comparisons/levelCatalogue.js';
import { TF_COMPARISONS, withLevels, type MatchModel } from '../comparisons/MatchModel.js';

/** Format tag of a model file. */
export const MODEL_FORMAT = 'c360-match-model';

const probability = z.number().gt(0).lte(1);
const levelsSchema = z
  .object(
    Object.fromEntries(
      (Object.keys(LEVEL_CATALOGUE) as ComparisonName[]).map((comparison) => [
        comparison,
        z
          .object(Object.fromEntries(LEVEL_CATALOGUE[comparison].map((level) => [level, z.object({ m: probability, u: probability }).strict().optional()])))
          .strict()
          .optional(),
      ]),
    ),
  )
  .strict();

/** The JSON a model file holds (written by `c360 identity train`). */
export const modelFileSchema = z
  .object({
    format: z.literal(MODEL_FORMAT),
    version: z.literal(1),
    /** ISO time of training. */
    trainedAt: z.string(),
    /** What it was trained on, for the reader: records, candidate pairs, random pairs, EM iterations, match share. */
    trainedOn: z.object({ records: z.number().int().min(0), candidatePairs: z.number().int().min(0), randomPairs: z.number().int().min(0), iterations: z.number().int().min(0), matchShare: z.number().min(0).max(1) }).strict(),
    levels: levelsSchema,
    /** Normalised value → share of records holding it; only values held by at least `tfMinCount` records. */
    termFrequencies: z.object(Object.fromEntries(TF_COMPARISONS.map((c) => [c, z.record(z.string(), probability).optional()]))).strict(),
    tfFloor: probability,
    tfMinCount: z.number().int().min(1),
  })
  .strict();

/** A parsed model file. */
export type ModelFile = z.infer<typeof modelFileSchema>;

/**
 * Reads and validates a model file and turns it into a {@link MatchModel}: levels it lists replace the
 * built-in ones, the rest stay. Throws an Error naming the file and the bad key.
 */
export function loadMatchModel(path: string): MatchModel {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`identity.model: cannot read ${path}: ${code ?? (error as Error).message}`);
  }
  const parsed = modelFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`identity.model: ${path}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return toMatchModel(parsed.data, `${path} (trained ${parsed.data.trainedAt})`);
}

/** The model a parsed file describes. */
export function toMatchModel(file: ModelFile, origin: string): MatchModel {
  const termFrequencies: Record<string, ReadonlyMap<string, number>> = {};
  for (const comparison of TF_COMPARISONS) {
    const table = file.termFrequencies[comparison];
    if (table) termFrequencies[comparison] = new Map(Object.entries(table));
  }
  const levels: LevelTable = withLevels(DEFAULT_LEVELS, file.levels as never);
  return { levels, termFrequencies, tfFloor: file.tfFloor, origin };
}
