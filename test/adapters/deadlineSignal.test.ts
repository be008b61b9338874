import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { deadlineSignal, deadlineWithin } from '../../src/adapters/deadlineSignal.js';

describe('deadlineSignal', () => {
  it('aborts with a TimeoutError after its time', async () => {
    const { signal, dispose } = deadlineSignal(undefined, 20);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(signal.aborted).toBe(true);
    expect((signal.reason as DOMException).name).toBe('TimeoutError');
    dispose();
  });

  it("aborts with the parent's reason when the parent aborts first", () => {
    const parent = new AbortController();
    const { signal, dispose } = deadlineSignal(parent.signal, 10_000);
    parent.abort(new Error('client went away'));
    expect(signal.aborted).toBe(true);
    expect((signal.reason as Error).message).toBe('client went away');
    dispose();
  });

  it('starts aborted under an aborted parent', () => {
    const { signal } = deadlineSignal(AbortSignal.abort('gone'), 10_000);
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe('gone');
  });

  it('once disposed, neither the timer nor the parent aborts it, and no listener is left on the parent', async () => {
    const parent = new AbortController();
    const { signal, dispose } = deadlineSignal(parent.signal, 20);
    dispose();
    expect(getEventListeners(parent.signal, 'abort')).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 60));
    parent.abort();
    expect(signal.aborted).toBe(false);
  });
});

describe('deadlineWithin', () => {
  it("is the parent itself when the parent's deadline comes first, and aborts with it", async () => {
    const attempt = deadlineSignal(undefined, 30);
    const call = deadlineWithin(attempt.signal, 10_000);
    expect(call.signal).toBe(attempt.signal);
    call.dispose();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(call.signal.aborted).toBe(true);
    expect((call.signal.reason as DOMException).name).toBe('TimeoutError');
  });

  it('is a signal of its own when its time ends first, or when the parent has no known deadline', async () => {
    const attempt = deadlineSignal(undefined, 10_000);
    const call = deadlineWithin(attempt.signal, 20);
    expect(call.signal).not.toBe(attempt.signal);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect([call.signal.aborted, attempt.signal.aborted]).toEqual([true, false]);
    attempt.dispose();
    const plain = new AbortController();
    const under = deadlineWithin(plain.signal, 10_000);
    expect(under.signal).not.toBe(plain.signal);
    plain.abort(new Error('client went away'));
    expect((under.signal.reason as Error).message).toBe('client went away');
    under.dispose();
  });

  it("keeps the earliest deadline of a chain: under a parent ending sooner, a child's own deadline is the parent's", () => {
    const request = deadlineSignal(undefined, 50);
    const attempt = deadlineSignal(request.signal, 10_000);
    expect(deadlineWithin(attempt.signal, 1_000).signal).toBe(attempt.signal);
    request.dispose();
    attempt.dispose();
  });
});
