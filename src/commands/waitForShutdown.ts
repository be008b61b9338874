/**
 * Resolves on the first SIGINT or SIGTERM (Ctrl-C), after running `stop`. A second signal while stopping
 * exits at once with status 130.
 */
export function waitForShutdown(stop: () => Promise<void>, print: (line: string) => void): Promise<void> {
  return new Promise((resolve) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals): void => {
      if (stopping) process.exit(130);
      stopping = true;
      print(`\n${signal} received, shutting down...`);
      stop()
        .catch((error: unknown) => print(`error while stopping: ${String(error)}`))
        .finally(() => {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          print('stopped.');
          resolve();
        });
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
