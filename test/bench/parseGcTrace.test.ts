import { describe, expect, it } from 'vitest';
import { parseGcTrace } from '../../bench/parseGcTrace.js';

// Shapes as Node 20's V8 prints them (fields shortened: the parser reads only these).
const SCAVENGE = '[5651:0x30042d40]    48399 ms: pause=13.3 mutator=2285.6 gc=s reduce_memory=0 scavenge=12.74 promoted=1452648 new_space_survived=2015920 nodes_promoted=0';
const FULL = '[5651:0x30042d40]    50725 ms: pause=77.3 mutator=806.3 gc=ms reduce_memory=0 mark=40.1';

describe('parseGcTrace', () => {
  it('reads each collection: kind, time, pause, promoted and survived bytes', () => {
    const events = parseGcTrace(['gateway listening', SCAVENGE, FULL, ''].join('\n'));
    expect(events).toEqual([
      { kind: 's', atMs: 48399, pauseMs: 13.3, promotedBytes: 1452648, survivedBytes: 2015920 },
      { kind: 'ms', atMs: 50725, pauseMs: 77.3, promotedBytes: 0, survivedBytes: 0 },
    ]);
  });

  it('ignores lines that are not collections, including JSON log lines that mention gc=', () => {
    expect(parseGcTrace('{"level":30,"msg":"gc=s pause=1"}\nMemory allocator,       used: 1 KB\n')).toEqual([]);
  });

  it('fails on a collection line without a pause instead of reading it as zero', () => {
    expect(() => parseGcTrace('[1:0xab]    10 ms: gc=s promoted=1')).toThrow(/without a pause/);
  });
});
