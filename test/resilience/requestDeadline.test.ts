import { describe, expect, it } from 'vitest';
import { createResilienceLayer } from '../../src/resilience/index.js';

describe('createResilienceLayer.forRequest: the request deadline signal', () => {
  it('aborts at the deadline, or when the client goes away; release() ends both for a finished request', async () => {
    const layer = createResilienceLayer([], { sources: [], deadlineMs: 60 });
    const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const running = layer.forRequest(undefined, new AbortController().signal);
    const finished = layer.forRequest(undefined, new AbortController().signal);
    finished.release();
    const client = new AbortController();
    const gone = layer.forRequest(undefined, client.signal);
    client.abort();
    expect(gone.callContext.signal?.aborted).toBe(true);
    await wait(150);
    expect(running.callContext.signal?.aborted).toBe(true);
    expect((running.callContext.signal?.reason as DOMException).name).toBe('TimeoutError');
    // Released: its timer was cleared, so nothing of the finished request waits for the deadline.
    expect(finished.callContext.signal?.aborted).toBe(false);
  });

  it('a released request no longer follows its client signal', () => {
    const layer = createResilienceLayer([], { sources: [], deadlineMs: 5_000 });
    const client = new AbortController();
    const request = layer.forRequest(undefined, client.signal);
    request.release();
    client.abort();
    expect(request.callContext.signal?.aborted).toBe(false);
  });
});
