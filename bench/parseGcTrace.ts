/** One collection from V8's `--trace-gc-nvp` output. */
export interface GcEvent {
  /** `s` scavenge (young generation), `ms` mark-sweep-compact (full), `mmc` minor mark-compact. */
  readonly kind: string;
  /** Milliseconds since the process started (the line's timestamp). */
  readonly atMs: number;
  readonly pauseMs: number;
  /** Bytes moved to the old generation / kept in the young one by this collection (scavenges; 0 otherwise). */
  readonly promotedBytes: number;
  readonly survivedBytes: number;
}

/**
 * The collections in `--trace-gc-nvp` text (one `key=value` line per collection; other lines are ignored).
 * Throws when a collection line lacks `pause`, so a changed V8 format fails loudly instead of reading as zero.
 */
export function parseGcTrace(text: string): GcEvent[] {
  const events: GcEvent[] = [];
  for (const line of text.split('\n')) {
    const head = /^\[\d+:0x[0-9a-f]+\]\s+(\d+) ms: (.*)$/.exec(line);
    if (!head || !/(^| )gc=/.test(head[2]!)) continue;
    const fields = new Map<string, string>();
    for (const pair of head[2]!.split(' ')) {
      const eq = pair.indexOf('=');
      if (eq > 0) fields.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const pause = Number(fields.get('pause'));
    if (!Number.isFinite(pause)) throw new Error(`--trace-gc-nvp line without a pause: ${line.slice(0, 120)}`);
    events.push({
      kind: fields.get('gc')!,
      atMs: Number(head[1]),
      pauseMs: pause,
      promotedBytes: Number(fields.get('promoted') ?? 0),
      survivedBytes: Number(fields.get('new_space_survived') ?? 0),
    });
  }
  return events;
}
