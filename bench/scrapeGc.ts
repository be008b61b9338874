/** Young-generation (minor) GCs of a gateway so far, from its `/metrics` (prom-client's default GC histogram). */
export interface MinorGcTotals {
  readonly count: number;
  readonly seconds: number;
  /** Of `count`, those the gateway ran itself while it waited for sources (`c360_idle_scavenges`; 0 without it). */
  readonly idle: number;
}

/** What a span of work cost in minor GCs: how many, and their mean pause. */
export interface MinorGcFigures {
  readonly count: number;
  readonly meanMs: number;
  /** Of `count`, run while the gateway waited for sources (idle-time collection): they delay no answer by themselves. */
  readonly idle: number;
}

/**
 * Reads the gateway's minor-GC count and total pause from `GET <origin>/metrics`. Throws when the series is
 * missing, so a renamed metric fails the bench instead of printing zeros.
 */
export async function scrapeMinorGc(graphqlUrl: string): Promise<MinorGcTotals> {
  const text = await (await fetch(new URL('/metrics', graphqlUrl))).text();
  const read = (which: 'count' | 'sum'): number => {
    const series = `c360_process_nodejs_gc_duration_seconds_${which}{kind="minor"}`;
    const m = text.match(new RegExp(`^${series.replace(/[{}]/g, '\\$&')} ([0-9.e+-]+)$`, 'm'));
    if (!m) throw new Error(`the gateway's /metrics has no ${series}`);
    return Number(m[1]);
  };
  const idle = /^c360_idle_scavenges ([0-9.e+-]+)$/m.exec(text);
  return { count: read('count'), seconds: read('sum'), idle: idle ? Number(idle[1]) : 0 };
}

/** The minor GCs between two scrapes. */
export function minorGcBetween(before: MinorGcTotals, after: MinorGcTotals): MinorGcFigures {
  const count = after.count - before.count;
  return { count, meanMs: count === 0 ? 0 : ((after.seconds - before.seconds) * 1000) / count, idle: after.idle - before.idle };
}
