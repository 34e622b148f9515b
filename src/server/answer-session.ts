import type { AnswerAdmission, RefusalReason } from './answer-admission.js';
import { PublicError } from './public-error.js';

export type StopReason = 'deadline' | 'client' | 'shutdown';

/** The life of one answer: a place under admission control and one signal that every stop reason aborts. */
export interface AnswerSession {
  readonly signal: AbortSignal;
  /** Resolves when the answer may run; rejects if the session stops while it waits in line. */
  waitForTurn(): Promise<void>;
  stopReason(): StopReason | undefined;
  stop(reason: StopReason): void;
  /** Resolves with the work or rejects as soon as the session is stopped, even if the work ignores the signal. */
  race<T>(work: Promise<T>): Promise<T>;
  finish(): void;
}

export class SessionStoppedError extends Error {
  constructor(readonly reason: StopReason) {
    super(`answer stopped: ${reason}`);
    this.name = 'SessionStoppedError';
  }
}

/** Thrown when admission control refuses the answer; the caller counts it and answers 503. */
export class AnswerRefusedError extends PublicError {
  constructor(
    readonly reason: RefusalReason,
    retryAfterSeconds: number,
  ) {
    super('overloaded', undefined, retryAfterSeconds);
  }
}

export function openAnswerSession(options: { admission: AnswerAdmission; deadlineMs: number; clientSignal?: AbortSignal }): AnswerSession {
  const controller = new AbortController();
  let reason: StopReason | undefined;
  const stop = (why: StopReason) => {
    if (reason) return;
    reason = why;
    controller.abort(new SessionStoppedError(why));
  };
  // Decided before any timer or listener exists, so a refusal leaves nothing behind.
  const decision = options.admission.tryEnter(controller.signal);
  if (!decision.admitted) throw new AnswerRefusedError(decision.reason, decision.retryAfterSeconds);
  // The deadline counts the wait in line too: it is the client's wait that it bounds.
  const timer = setTimeout(() => stop('deadline'), options.deadlineMs);
  const onClientAbort = () => stop('client');
  if (options.clientSignal?.aborted) onClientAbort();
  options.clientSignal?.addEventListener('abort', onClientAbort, { once: true });
  const stopped = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(new SessionStoppedError(reason ?? 'client')), { once: true });
  });
  // Nobody may be racing yet when the session stops; that must not surface as an unhandled rejection.
  stopped.catch(() => undefined);
  const race = <T>(work: Promise<T>) => Promise.race([work, stopped]);
  return {
    signal: controller.signal,
    waitForTurn: () => race(decision.ticket.turn),
    stopReason: () => reason,
    stop,
    race,
    finish() {
      clearTimeout(timer);
      options.clientSignal?.removeEventListener('abort', onClientAbort);
      decision.ticket.release();
    },
  };
}
