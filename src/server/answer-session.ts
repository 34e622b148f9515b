import { PublicError } from './public-error.js';

export type StopReason = 'deadline' | 'client' | 'shutdown';

/** The life of one answer: a slot under the concurrency cap and one signal that every stop reason aborts. */
export interface AnswerSession {
  readonly signal: AbortSignal;
  stopReason(): StopReason | undefined;
  stop(reason: StopReason): void;
  /** Resolves with the work or rejects as soon as the session is stopped, even if the work ignores the signal. */
  race<T>(work: Promise<T>): Promise<T>;
  finish(): void;
}

/** Caps answers running at once in this process; beyond it we shed load instead of queueing. */
export class AnswerSlots {
  private used = 0;
  constructor(readonly capacity: number) {}
  tryAcquire(): (() => void) | undefined {
    if (this.used >= this.capacity) return undefined;
    this.used += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.used -= 1;
    };
  }
  get inUse(): number {
    return this.used;
  }
}

export class SessionStoppedError extends Error {
  constructor(readonly reason: StopReason) {
    super(`answer stopped: ${reason}`);
    this.name = 'SessionStoppedError';
  }
}

export function openAnswerSession(options: { slots: AnswerSlots; deadlineMs: number; clientSignal?: AbortSignal }): AnswerSession {
  const release = options.slots.tryAcquire();
  if (!release) throw new PublicError('overloaded', undefined, 1);
  const controller = new AbortController();
  let reason: StopReason | undefined;
  const stop = (why: StopReason) => {
    if (reason) return;
    reason = why;
    controller.abort(new SessionStoppedError(why));
  };
  const timer = setTimeout(() => stop('deadline'), options.deadlineMs);
  const onClientAbort = () => stop('client');
  if (options.clientSignal?.aborted) onClientAbort();
  options.clientSignal?.addEventListener('abort', onClientAbort, { once: true });
  const stopped = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(new SessionStoppedError(reason ?? 'client')), { once: true });
  });
  // Nobody may be racing yet when the session stops; that must not surface as an unhandled rejection.
  stopped.catch(() => undefined);
  return {
    signal: controller.signal,
    stopReason: () => reason,
    stop,
    race: (work) => Promise.race([work, stopped]),
    finish() {
      clearTimeout(timer);
      options.clientSignal?.removeEventListener('abort', onClientAbort);
      release();
    },
  };
}
