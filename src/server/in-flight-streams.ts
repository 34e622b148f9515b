/**
 * Open answer streams, so a graceful shutdown can let them finish (up to a bound) and then cut the
 * stragglers short with an error event instead of a torn connection.
 */
export interface InFlightStreams {
  /** Registers a stream; `stop` is called if the drain bound passes. Returns the function that ends it. */
  begin(stop: () => void): () => void;
  readonly count: number;
  /** Resolves when every stream has ended, stopping those still open after `timeoutMs`. */
  drain(timeoutMs: number): Promise<void>;
}

export function createInFlightStreams(): InFlightStreams {
  const open = new Map<number, () => void>();
  let next = 0;
  let waiters: Array<() => void> = [];
  const settle = () => {
    if (open.size > 0) return;
    for (const wake of waiters) wake();
    waiters = [];
  };
  return {
    begin(stop) {
      const id = next++;
      open.set(id, stop);
      return () => {
        open.delete(id);
        settle();
      };
    },
    get count() {
      return open.size;
    },
    async drain(timeoutMs) {
      if (open.size === 0) return;
      const allEnded = new Promise<void>((resolve) => waiters.push(resolve));
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      const outcome = await Promise.race([allEnded, timedOut]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        for (const stop of open.values()) stop();
        // Stopped streams write their closing event and end promptly; do not wait forever on them either.
        await Promise.race([allEnded, new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
      }
    },
  };
}
