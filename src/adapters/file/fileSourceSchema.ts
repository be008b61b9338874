import { z } from 'zod';

const column = z.string().min(1);

/**
 * `kind: file` source config: a CSV (RFC 4180, header row) or JSON Lines export loaded into memory at start.
 * `columns` maps the file's column (or JSON field) names onto the identity record; only `id` is required.
 */
export const fileSourceSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'must be 1-32 characters: lower-case letters, digits, _ or -, starting with a letter'),
    kind: z.literal('file'),
    /** Path of the export, relative to the working directory. */
    path: z.string().min(1),
    /** `csv` or `jsonl`; default from the file extension (`.jsonl`/`.ndjson` → jsonl, else csv). */
    format: z.enum(['csv', 'jsonl']).optional(),
    columns: z
      .object({
        id: column,
        givenName: column.optional(),
        familyName: column.optional(),
        fullName: column.optional(),
        emails: z.array(column).default([]),
        phones: z.array(column).default([]),
        /** The street line's column, or several columns joined with a space (`[street_number, street]`). */
        line1: z.union([column, z.array(column).min(1)]).optional(),
        city: column.optional(),
        region: column.optional(),
        postcode: column.optional(),
        country: column.optional(),
        birthDate: column.optional(),
        updatedAt: column.optional(),
        /** Identifier type → column, e.g. `{ loyaltyNumber: loyalty_id }`. */
        identifiers: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/), column).default({}),
      })
      .strict(),
  })
  .strict();

/** A validated file source. */
export type FileSourceSettings = z.infer<typeof fileSourceSchema>;
