import { describe, expect, it } from 'vitest';
import { AnswerAdmission, createTimeSlicedScheduler, type AdmissionDecision, type AdmissionTicket } from '../../src/server/answer-admission.js';

/** A hand-driven clock and scheduler: the test decides when time passes and when a turn starts. */
function harness(settings: { concurrency: number; maxWaiting: number; maxWaitMs: number }) {
  let now = 0;
  const scheduled: Array<() => void> = [];
  const admission = new AnswerAdmission({ ...settings, clock: () => now, schedule: (task) => scheduled.push(task) });
  return {
    admission,
    advance(milliseconds: number) {
      now += milliseconds;
    },
    /** Runs the turns handed over so far, as the event loop would on its next check phase. */
    runScheduled() {
      for (const task of scheduled.splice(0)) task();
    },
  };
}

function admitted(decision: AdmissionDecision): AdmissionTicket {
  if (!decision.admitted) throw new Error(`refused: ${decision.reason}`);
  return decision.ticket;
}

/** Where a turn stands once pending promise callbacks have run (no timers involved). */
async function settled(turn: Promise<void>): Promise<'started' | 'rejected' | 'pending'> {
  let state: 'started' | 'rejected' | 'pending' = 'pending';
  turn.then(
    () => (state = 'started'),
    () => (state = 'rejected'),
  );
  for (let round = 0; round < 3; round += 1) await Promise.resolve();
  return state;
}

/** Finishes `count` answers of `milliseconds` each, one slot at a time, to teach the admission a median. */
async function teach(test: ReturnType<typeof harness>, count: number, milliseconds: number) {
  for (let index = 0; index < count; index += 1) {
    const ticket = admitted(test.admission.tryEnter());
    test.runScheduled();
    await ticket.turn;
    test.advance(milliseconds);
    ticket.release();
  }
}

describe('AnswerAdmission', () => {
  it('should start answers on the scheduler, never inline, and queue beyond the free slots', async () => {
    const test = harness({ concurrency: 2, maxWaiting: 5, maxWaitMs: 2_000 });
    const first = admitted(test.admission.tryEnter());
    const second = admitted(test.admission.tryEnter());
    const third = admitted(test.admission.tryEnter());
    // Requests parsed in the same pass all reach admission before any answer runs.
    expect(await settled(first.turn)).toBe('pending');
    test.runScheduled();
    expect(await settled(first.turn)).toBe('started');
    expect(await settled(second.turn)).toBe('started');
    expect(await settled(third.turn)).toBe('pending');
    expect([test.admission.runningCount, test.admission.waitingCount]).toEqual([2, 1]);
  });

  it('should hand a finished slot to the head of the line only on the scheduled turn', async () => {
    const test = harness({ concurrency: 1, maxWaiting: 5, maxWaitMs: 2_000 });
    const first = admitted(test.admission.tryEnter());
    const second = admitted(test.admission.tryEnter());
    const third = admitted(test.admission.tryEnter());
    test.runScheduled();
    first.release();
    // The slot is promised to the second answer, but it starts only when the scheduler yields to it.
    expect(await settled(second.turn)).toBe('pending');
    test.runScheduled();
    expect(await settled(second.turn)).toBe('started');
    expect(await settled(third.turn)).toBe('pending');
    expect([test.admission.runningCount, test.admission.waitingCount]).toEqual([1, 1]);
  });

  it('should refuse with line-full when the waiting line is at its bound', () => {
    const test = harness({ concurrency: 1, maxWaiting: 2, maxWaitMs: 60_000 });
    admitted(test.admission.tryEnter());
    admitted(test.admission.tryEnter());
    admitted(test.admission.tryEnter());
    const refused = test.admission.tryEnter();
    expect(refused).toMatchObject({ admitted: false, reason: 'line-full', retryAfterSeconds: 1 });
    expect(test.admission.waitingCount).toBe(2);
  });

  it('should refuse with wait-too-long when place in line × median answer time exceeds the budget', async () => {
    const test = harness({ concurrency: 2, maxWaiting: 100, maxWaitMs: 2_000 });
    await teach(test, 5, 400);
    expect(test.admission.medianAnswerMs()).toBe(400);
    admitted(test.admission.tryEnter());
    admitted(test.admission.tryEnter());
    test.runScheduled();
    // Places 1..10 wait at most ceil(10 / 2) × 400 = 2000 ms: admitted. Place 11 would wait 2400 ms.
    for (let place = 1; place <= 10; place += 1) admitted(test.admission.tryEnter());
    const refused = test.admission.tryEnter();
    expect(refused).toEqual({ admitted: false, reason: 'wait-too-long', expectedWaitMs: 2_400, retryAfterSeconds: 3 });
  });

  it('should estimate the wait from how fast the line really drains when time goes elsewhere between answers', async () => {
    const test = harness({ concurrency: 1, maxWaiting: 100, maxWaitMs: 1_000 });
    await teach(test, 3, 100);
    let current = admitted(test.admission.tryEnter());
    test.runScheduled();
    const waiting = [1, 2, 3].map(() => admitted(test.admission.tryEnter()));
    for (const next of waiting.slice(0, 2)) {
      test.advance(100);
      current.release();
      // 300 ms spent on other work (refusing newcomers, GC) before the next answer gets the CPU.
      test.advance(300);
      test.runScheduled();
      await next.turn;
      current = next;
    }
    test.advance(100);
    current.release();
    expect(test.admission.medianAnswerMs()).toBe(100);
    // The last waiter holds the slot now. By answer time place 3 would wait 300 ms, but the line drains one per 400 ms.
    admitted(test.admission.tryEnter());
    admitted(test.admission.tryEnter());
    expect(test.admission.tryEnter()).toEqual({ admitted: false, reason: 'wait-too-long', expectedWaitMs: 1_200, retryAfterSeconds: 2 });
  });

  it('should take the median over recent answers so one slow answer does not shut the door', async () => {
    const test = harness({ concurrency: 1, maxWaiting: 100, maxWaitMs: 1_000 });
    await teach(test, 4, 100);
    await teach(test, 1, 30_000);
    expect(test.admission.medianAnswerMs()).toBe(100);
  });

  it('should drop a waiter whose signal aborts, and pass its place on', async () => {
    const test = harness({ concurrency: 1, maxWaiting: 5, maxWaitMs: 2_000 });
    const first = admitted(test.admission.tryEnter());
    const client = new AbortController();
    const abandoned = admitted(test.admission.tryEnter(client.signal));
    const patient = admitted(test.admission.tryEnter());
    test.runScheduled();
    client.abort(new Error('client went away'));
    expect(await settled(abandoned.turn)).toBe('rejected');
    expect(test.admission.waitingCount).toBe(1);
    first.release();
    test.runScheduled();
    expect(await settled(patient.turn)).toBe('started');
  });

  it('should pass the slot on when a waiter gives up after its turn was scheduled', async () => {
    const test = harness({ concurrency: 1, maxWaiting: 5, maxWaitMs: 2_000 });
    const first = admitted(test.admission.tryEnter());
    const client = new AbortController();
    const leaving = admitted(test.admission.tryEnter(client.signal));
    const patient = admitted(test.admission.tryEnter());
    test.runScheduled();
    first.release();
    client.abort();
    test.runScheduled();
    expect(await settled(leaving.turn)).toBe('rejected');
    test.runScheduled();
    expect(await settled(patient.turn)).toBe('started');
    expect([test.admission.runningCount, test.admission.waitingCount]).toEqual([1, 0]);
  });

  it('should free the slot when the last answer finishes, and ignore a second release', () => {
    const test = harness({ concurrency: 1, maxWaiting: 0, maxWaitMs: 2_000 });
    const only = admitted(test.admission.tryEnter());
    expect(test.admission.tryEnter()).toMatchObject({ admitted: false, reason: 'line-full' });
    test.runScheduled();
    only.release();
    only.release();
    expect(test.admission.runningCount).toBe(0);
    admitted(test.admission.tryEnter());
    expect(test.admission.runningCount).toBe(1);
  });
});

describe('createTimeSlicedScheduler', () => {
  it('should run turns back to back within a slice and yield to pending I/O once the slice is spent', async () => {
    let now = 0;
    const schedule = createTimeSlicedScheduler(() => now, 50);
    const ran: string[] = [];
    const afterPendingIo = () => new Promise<void>((resolve) => setImmediate(resolve));

    schedule(() => ran.push('first'));
    await Promise.resolve();
    expect(ran).toEqual([]);
    await afterPendingIo();
    expect(ran).toEqual(['first']);

    now = 30;
    schedule(() => ran.push('within the slice'));
    await Promise.resolve();
    expect(ran).toEqual(['first', 'within the slice']);

    now = 60;
    schedule(() => ran.push('after the slice'));
    await Promise.resolve();
    expect(ran).toHaveLength(2);
    await afterPendingIo();
    expect(ran).toEqual(['first', 'within the slice', 'after the slice']);
  });
});
