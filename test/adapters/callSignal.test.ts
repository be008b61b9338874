import { getEventListeners, setMaxListeners } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { CallSignal } from '../../src/adapters/callSignal.js';
import { untilAborted } from '../../src/adapters/untilAborted.js';

describe('CallSignal', () => {
  it('starts open: not aborted, no reason, throwIfAborted does nothing', () => {
    const signal = new CallSignal();
    expect(signal.aborted).toBe(false);
    expect(signal.reason).toBeUndefined();
    expect(() => signal.throwIfAborted()).not.toThrow();
  });

  it("aborts once with an AbortError by default, like an AbortController's signal", () => {
    const signal = new CallSignal();
    const reference = new AbortController();
    signal.abort();
    reference.abort();
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBeInstanceOf(DOMException);
    expect((signal.reason as DOMException).name).toBe((reference.signal.reason as DOMException).name);
    expect(() => signal.throwIfAborted()).toThrow(signal.reason as DOMException);
  });

  it('tells each listener once, then onabort; a second abort changes nothing', () => {
    const signal = new CallSignal();
    const order: string[] = [];
    signal.addEventListener('abort', (event) => order.push(`listener ${event.type}`));
    signal.addEventListener('abort', () => order.push('once'), { once: true });
    signal.onabort = function (this: AbortSignal) {
      order.push(`onabort ${String(this === signal)}`);
    };
    signal.abort('first');
    signal.abort('second');
    expect(order).toEqual(['listener abort', 'once', 'onabort true']);
    expect(signal.reason).toBe('first');
    expect(getEventListeners(signal, 'abort')).toHaveLength(1);
  });

  it('takes many listeners without a MaxListenersExceededWarning (a plain EventTarget warns at 11)', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error): void => void warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      const signal = new CallSignal();
      for (let i = 0; i < 20; i += 1) signal.addEventListener('abort', () => undefined);
      expect(getEventListeners(signal, 'abort')).toHaveLength(20);
      // The control: the same listeners on a plain EventTarget do warn (so this test can see a warning).
      const plain = new EventTarget();
      for (let i = 0; i < 20; i += 1) plain.addEventListener('abort', () => undefined);
      // Node emits warnings on a later tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/11 abort listeners added to EventTarget\./);
    // setMaxListeners still takes it, as code written for AbortSignal expects.
    expect(() => setMaxListeners(5, new CallSignal())).not.toThrow();
  });

  it('cuts off work waiting on it, as the adapters use a signal', async () => {
    const signal = new CallSignal();
    const never = new Promise<string>(() => undefined);
    const waiting = untilAborted(never, signal, () => new Error('deadline passed'));
    signal.abort();
    await expect(waiting).rejects.toThrow('deadline passed');
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });

  it("gives every instance the same hidden class (Node's AbortController signals each get their own: why it exists)", () => {
    setFlagsFromString('--allow-natives-syntax');
    // V8's %HaveSameMap is only reachable from source compiled after the flag is set.
    const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;
    const aborted = (reason: string): CallSignal => {
      const signal = new CallSignal();
      signal.abort(reason);
      return signal;
    };
    expect(haveSameMap(new CallSignal(), new CallSignal())).toBe(true);
    expect(haveSameMap(aborted('done'), aborted('gone'))).toBe(true);
    expect(haveSameMap(new CallSignal(), {})).toBe(false);
  });
});

describe('untilAborted', () => {
  it("answers the work's value or failure when it settles first, and leaves no listener behind", async () => {
    const signal = new CallSignal();
    await expect(untilAborted(Promise.resolve('done'), signal, () => new Error('deadline passed'))).resolves.toBe('done');
    await expect(untilAborted(Promise.reject(new Error('source down')), signal, () => new Error('deadline passed'))).rejects.toThrow('source down');
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });

  it('fails at once on a signal already aborted, and the abandoned work failing later is handled', async () => {
    const signal = new CallSignal();
    signal.abort();
    let fail: (error: Error) => void = () => undefined;
    const work = new Promise<string>((_resolve, reject) => (fail = reject));
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      await expect(untilAborted(work, signal, () => new Error('deadline passed'))).rejects.toThrow('deadline passed');
      fail(new Error('late failure'));
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
