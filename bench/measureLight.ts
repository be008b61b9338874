import type { FakeServer, RequestLogEntry } from '../src/sandbox/fakeTypes.js';
import { percentiles, type LatencySummary } from './percentiles.js';

/** Light-load figures of one query: one request at a time, each correlated with the sandbox request logs. */
export interface LightFigures {
  readonly latency: LatencySummary;
  /** Per request: total − the slowest latency the sandbox injected into one of its upstream calls (the floor). */
  readonly overheadAboveFloor: LatencySummary;
  /** Per request: total − the time at least one upstream call was in flight (union of the calls' intervals). */
  readonly overheadAboveUpstreamBusy: LatencySummary;
  /** The floor itself (max injected delay per request). */
  readonly floor: LatencySummary;
  /** Upstream calls per request (mean). */
  readonly upstreamCallsPerRequest: number;
  /** Upstream rounds per request (mean): maximal groups of overlapping calls, i.e. sequential waits. */
  readonly upstreamRoundsPerRequest: number;
}

/**
 * Sends `count` requests one after another (`send(i)` resolves when the answer is fully read) after `warmup`
 * unmeasured ones, and correlates each with the sandbox servers' logs by time window: with one request in
 * flight, every upstream call received between its start and end belongs to it (the gateway forwards no
 * request id to the sources, so time is the correlation). Clears the logs before and after.
 */
export async function measureLight(send: (i: number) => Promise<void>, servers: readonly FakeServer[], count: number, warmup: number): Promise<LightFigures> {
  for (let i = 0; i < warmup; i += 1) await send(i);
  for (const s of servers) s.clearRequests();
  const windows: Array<[number, number]> = [];
  const log: RequestLogEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    const start = performance.timeOrigin + performance.now();
    await send(warmup + i);
    windows.push([start, performance.timeOrigin + performance.now()]);
    // Read and cleared after every request (outside its timing), so no run overflows the logs' maxLogEntries.
    for (const s of servers) {
      log.push(...s.requests());
      s.clearRequests();
    }
  }
  log.sort((a, b) => a.receivedAt - b.receivedAt);
  const totals: number[] = [];
  const floors: number[] = [];
  const overFloor: number[] = [];
  const overBusy: number[] = [];
  let calls = 0;
  let rounds = 0;
  for (const [start, end] of windows) {
    const mine = log.filter((e) => e.receivedAt >= start && e.receivedAt <= end);
    const total = end - start;
    const floor = mine.reduce((m, e) => Math.max(m, e.injectedDelayMs), 0);
    const busy = busyTime(mine, end);
    totals.push(total);
    floors.push(floor);
    overFloor.push(total - floor);
    overBusy.push(total - busy.ms);
    calls += mine.length;
    rounds += busy.rounds;
  }
  return {
    latency: percentiles(totals),
    floor: percentiles(floors),
    overheadAboveFloor: percentiles(overFloor),
    overheadAboveUpstreamBusy: percentiles(overBusy),
    upstreamCallsPerRequest: calls / count,
    upstreamRoundsPerRequest: rounds / count,
  };
}

/** Length of the union of the entries' [receivedAt, finishedAt] intervals, and how many disjoint groups. */
function busyTime(entries: readonly RequestLogEntry[], end: number): { ms: number; rounds: number } {
  let ms = 0;
  let rounds = 0;
  let curStart = Number.NaN;
  let curEnd = Number.NaN;
  for (const e of entries) {
    const s = e.receivedAt;
    const f = Math.min(e.finishedAt ?? end, end);
    if (Number.isNaN(curEnd) || s > curEnd) {
      if (!Number.isNaN(curEnd)) ms += curEnd - curStart;
      curStart = s;
      curEnd = f;
      rounds += 1;
    } else curEnd = Math.max(curEnd, f);
  }
  if (!Number.isNaN(curEnd)) ms += curEnd - curStart;
  return { ms, rounds };
}
