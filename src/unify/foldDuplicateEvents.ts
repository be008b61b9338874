import { foldText } from './foldText.js';
import type { TimelineEvent, TimelineEventKind } from './TimelineEvent.js';

/** Event kinds that are the same happening when two systems record it. */
const FAMILY: Partial<Record<TimelineEventKind, string>> = {
  TICKET_OPENED: 'opened',
  CASE_OPENED: 'opened',
  TICKET_UPDATED: 'updated',
  CASE_UPDATED: 'updated',
  TICKET_SOLVED: 'closed',
  CASE_CLOSED: 'closed',
};

/**
 * Folds one happening seen by two systems into one event. Two events fold when they come from **different
 * sources**, are of the same family (ticket/case opened, updated, solved/closed), have the same title
 * (case-, accent-, punctuation- and space-insensitive) and happened at most `windowMinutes` apart. The event
 * from the higher-priority source (`sourcePriority`, configured order) stays; the other's record is added to
 * its `alsoSeenIn`. Each event folds at most once per other source. Order, call and task events never fold.
 * Returns a new list; `windowMinutes` 0 folds only identical times. Pure.
 */
export function foldDuplicateEvents(events: readonly TimelineEvent[], windowMinutes: number, sourcePriority: readonly string[]): TimelineEvent[] {
  const rank = (source: string) => {
    const i = sourcePriority.indexOf(source);
    return i === -1 ? sourcePriority.length : i;
  };
  const windowMs = windowMinutes * 60_000;
  // Times parsed once per event, not once per comparison.
  const timed = events.map((event) => ({ event, ms: Date.parse(event.occurredAt), rank: rank(event.ref.source) }));
  timed.sort((a, b) => a.ms - b.ms || a.rank - b.rank || (a.event.key < b.event.key ? -1 : 1));
  const kept: Array<{ event: TimelineEvent; family: string | undefined; title: string; ms: number; sources: Set<string> }> = [];
  // Only events of a family can fold; they are searched apart from the rest.
  const foldable: typeof kept = [];
  for (const { event, ms } of timed) {
    const family = FAMILY[event.kind];
    if (!family) {
      kept.push({ event, family, title: '', ms, sources: new Set([event.ref.source]) });
      continue;
    }
    const title = foldText(event.title);
    const twin = foldable.find((k) => k.family === family && k.title === title && !k.sources.has(event.ref.source) && Math.abs(ms - k.ms) <= windowMs);
    if (!twin) {
      const entry = { event, family, title, ms, sources: new Set([event.ref.source]) };
      kept.push(entry);
      foldable.push(entry);
      continue;
    }
    twin.sources.add(event.ref.source);
    const [winner, loser] = rank(event.ref.source) < rank(twin.event.ref.source) ? [event, twin.event] : [twin.event, event];
    twin.event = { ...winner, alsoSeenIn: [...winner.alsoSeenIn, loser.ref, ...loser.alsoSeenIn] };
    twin.ms = Date.parse(winner.occurredAt);
  }
  return kept.map((k) => k.event);
}
