/**
 * `work`'s outcome, or a rejection with `abortError()` as soon as `signal` aborts (at once if it already has),
 * whichever comes first. `work` itself is not cancelled: it goes on for whoever else waits on it, and its late
 * failure is not reported as unhandled (its rejection always has a handler here). The listener is removed once
 * either settles. One promise and one reaction per call: this wraps every upstream call of every request.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal, abortError: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError());
    if (signal.aborted) {
      work.then(undefined, () => undefined);
      return onAbort();
    }
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
