import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { deadlineSignal } from '../../src/adapters/deadlineSignal.js';

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
