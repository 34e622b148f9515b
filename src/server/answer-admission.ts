/**
 * Admission control for answers. Answers are CPU-bound (extractive) or wait on one upstream (LLM), so
 * only a few run at once and the rest wait in a short line. A request whose expected wait (its place
 * in line × the recent median answer time) exceeds the budget, or that finds the line full, is refused
 * at once: a cheap 503 now beats a 20-second answer the client has long stopped waiting for.
 */

export interface AdmissionSettings {
  /** Answers running at once. */
  concurrency: number;
  /** Answers that may wait for a turn; 0 refuses whenever every slot is busy. */
  maxWaiting: number;
  /** Refuse when the expected wait would exceed this. */
  maxWaitMs: number;
  /** Monotonic milliseconds. */
  clock: () => number;
  /** Starts a turn; by default `createTimeSlicedScheduler` over `clock`. */
  schedule?: (task: () => void) => void;
  /** How many recent answer times the median is taken over. */
  historySize?: number;
  /** Assumed answer time until one has been measured (a burst may arrive before any answer ends). */
  initialAnswerMs?: number;
}

export type RefusalReason = 'line-full' | 'wait-too-long';

export interface AdmissionTicket {
  /** Resolves when the answer may run; rejects with the signal's reason if it aborts while waiting. */
  readonly turn: Promise<void>;
  /** Ends the turn, or leaves the line if the turn has not come; safe to call more than once. */
  release(): void;
}

export type AdmissionDecision =
  | { admitted: true; ticket: AdmissionTicket }
  | { admitted: false; reason: RefusalReason; expectedWaitMs: number; retryAfterSeconds: number };

interface Waiter {
  state: 'waiting' | 'scheduled' | 'running' | 'done';
  startedAt: number;
  start: () => void;
  abandon: (reason: unknown) => void;
}

/**
 * Runs turns back to back for up to `sliceMs`, then yields with setImmediate, which runs after pending
 * I/O: requests that arrived meanwhile are parsed and refused (or queued) before more answers run.
 * Yielding before every answer would let a flood of refusals starve the answers themselves (each
 * event-loop pass would serve one answer per slot); never yielding would leave the flood unread.
 */
export function createTimeSlicedScheduler(clock: () => number, sliceMs = 50): (task: () => void) => void {
  let sliceStart = Number.NEGATIVE_INFINITY;
  return (task) => {
    if (clock() - sliceStart < sliceMs) {
      queueMicrotask(task);
      return;
    }
    setImmediate(() => {
      sliceStart = clock();
      task();
    });
  };
}

/** The median of the last `size` samples. */
class RecentMedian {
  private readonly samples: number[] = [];
  private next = 0;
  constructor(private readonly size: number) {}
  add(value: number): void {
    if (this.samples.length < this.size) this.samples.push(value);
    else this.samples[this.next] = value;
    this.next = (this.next + 1) % this.size;
  }
  get count(): number {
    return this.samples.length;
  }
  median(): number {
    const sorted = [...this.samples].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  }
}

export class AnswerAdmission {
  private running = 0;
  private readonly line: Waiter[] = [];
  private readonly answerTimes: RecentMedian;
  /**
   * Time between two answers finishing while others waited: the rate the line really drains at. It
   * includes what the process did between answers (refusing newcomers, GC, a busy machine), which
   * the answers' own times miss.
   */
  private readonly drainIntervals: RecentMedian;
  private lastBusyFinish: number | undefined;
  private readonly schedule: (task: () => void) => void;

  constructor(private readonly settings: AdmissionSettings) {
    this.schedule = settings.schedule ?? createTimeSlicedScheduler(settings.clock);
    this.answerTimes = new RecentMedian(settings.historySize ?? 20);
    this.drainIntervals = new RecentMedian(settings.historySize ?? 20);
  }

  get runningCount(): number {
    return this.running;
  }

  get waitingCount(): number {
    return this.line.length;
  }

  /** Median of the recent answer times (start of turn to release). */
  medianAnswerMs(): number {
    return this.answerTimes.count > 0 ? this.answerTimes.median() : (this.settings.initialAnswerMs ?? 100);
  }

  /**
   * Expected wait of the `position`-th in line (1-based): whole rounds of `concurrency` answers ahead
   * of it, or `position` × the recent drain interval if the line has been draining slower than that.
   */
  expectedWaitMs(position: number): number {
    const byAnswerTime = Math.ceil(position / this.settings.concurrency) * this.medianAnswerMs();
    const byDrainRate = this.drainIntervals.count > 0 ? position * this.drainIntervals.median() : 0;
    return Math.max(byAnswerTime, byDrainRate);
  }

  /** What a request arriving now would be told if it would be refused; lets a route refuse before reading the body. */
  refusal(): Extract<AdmissionDecision, { admitted: false }> | undefined {
    if (this.running < this.settings.concurrency && this.line.length === 0) return undefined;
    const expectedWaitMs = this.expectedWaitMs(this.line.length + 1);
    const reason: RefusalReason | undefined =
      this.line.length >= this.settings.maxWaiting ? 'line-full' : expectedWaitMs > this.settings.maxWaitMs ? 'wait-too-long' : undefined;
    return reason ? { admitted: false, reason, expectedWaitMs, retryAfterSeconds: Math.max(1, Math.ceil(expectedWaitMs / 1000)) } : undefined;
  }

  /**
   * Decides at once; an admitted request still waits for `ticket.turn`. Even with a slot free the turn
   * starts on the scheduler, never synchronously: answers run without awaiting I/O, so always starting
   * them inline would finish each one before the next request is even parsed, and no line would form.
   */
  tryEnter(signal?: AbortSignal): AdmissionDecision {
    const slotFree = this.running < this.settings.concurrency && this.line.length === 0;
    const refusal = this.refusal();
    if (refusal) return refusal;

    const waiter: Waiter = { state: 'waiting', startedAt: 0, start: () => undefined, abandon: () => undefined };
    const onAbort = () => this.leave(waiter, signal?.reason);
    const turn = new Promise<void>((resolve, reject) => {
      waiter.start = () => {
        waiter.state = 'running';
        waiter.startedAt = this.settings.clock();
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      waiter.abandon = (why) => {
        signal?.removeEventListener('abort', onAbort);
        reject(why);
      };
    });
    // A rejected turn nobody awaits (the caller already gave up) must not become an unhandled rejection.
    turn.catch(() => undefined);
    if (slotFree) {
      this.running += 1;
      this.startSoon(waiter);
    } else {
      this.line.push(waiter);
    }
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    return { admitted: true, ticket: { turn, release: () => this.release(waiter) } };
  }

  private release(waiter: Waiter): void {
    if (waiter.state !== 'running') {
      this.leave(waiter, new Error('released before its turn'));
      return;
    }
    waiter.state = 'done';
    const now = this.settings.clock();
    this.answerTimes.add(now - waiter.startedAt);
    if (this.line.length > 0) {
      if (this.lastBusyFinish !== undefined) this.drainIntervals.add(now - this.lastBusyFinish);
      this.lastBusyFinish = now;
    } else {
      this.lastBusyFinish = undefined;
    }
    this.handOver();
  }

  /** A waiter that gives up leaves the line; one whose turn was already scheduled passes the slot on. */
  private leave(waiter: Waiter, reason: unknown): void {
    if (waiter.state === 'waiting') {
      const index = this.line.indexOf(waiter);
      if (index >= 0) this.line.splice(index, 1);
      waiter.state = 'done';
      waiter.abandon(reason);
    } else if (waiter.state === 'scheduled') {
      waiter.state = 'done';
      waiter.abandon(reason);
      this.handOver();
    }
  }

  /** The finished answer's slot goes to the head of the line (on the next turn of the event loop), or is freed. */
  private handOver(): void {
    const next = this.line.shift();
    if (!next) {
      this.running -= 1;
      return;
    }
    this.startSoon(next);
  }

  /** The waiter holds a slot from now on; its turn starts when the scheduler runs. */
  private startSoon(waiter: Waiter): void {
    waiter.state = 'scheduled';
    this.schedule(() => {
      if (waiter.state === 'scheduled') waiter.start();
    });
  }
}
