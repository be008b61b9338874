/**
 * `work`'s outcome, or a rejection with `abortError()` as soon as `signal` aborts (at once if it already has),
 * whichever comes first. `work` itself is not cancelled: it goes on for whoever else waits on it, and its late
 * failure is not reported as unhandled. The listener is removed once either settles.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal, abortError: () => Error): Promise<T> {
  work.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError());
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
