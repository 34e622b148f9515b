import { ChatModelError, type ChatModel } from './chat-model.js';

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failed calls that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit fails fast before letting one trial call through. */
  openMilliseconds: number;
  clock?: () => number;
}

/** Thrown without contacting the model while the circuit is open; callers fall back as for any failure. */
export class CircuitOpenError extends ChatModelError {
  override name = 'CircuitOpenError';
  constructor() {
    super('LLM circuit open: failing fast after repeated failures', 'connection', 0);
  }
}

export interface CircuitBreaker {
  readonly state: CircuitState;
  /** Wraps a model so every call goes through this breaker. */
  wrap(model: ChatModel): ChatModel;
}

/**
 * Stops calling an LLM that keeps failing: after `failureThreshold` failed calls in a row every call
 * fails at once for `openMilliseconds`, so users get the extractive fallback without waiting out
 * timeouts and the upstream gets room to recover; then one trial call decides whether to close again.
 * A call the user aborted says nothing about the upstream and is not counted.
 */
export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  const clock = options.clock ?? Date.now;
  let state: CircuitState = 'closed';
  let failures = 0;
  let openedAt = 0;
  let trialInFlight = false;

  const admit = (): boolean => {
    if (state === 'open' && clock() - openedAt >= options.openMilliseconds) state = 'half-open';
    if (state === 'closed') return true;
    if (state === 'half-open' && !trialInFlight) {
      trialInFlight = true;
      return true;
    }
    return false;
  };
  const succeed = (): void => {
    failures = 0;
    state = 'closed';
    trialInFlight = false;
  };
  const fail = (): void => {
    failures += 1;
    trialInFlight = false;
    if (state === 'half-open' || failures >= options.failureThreshold) {
      state = 'open';
      openedAt = clock();
    }
  };

  return {
    get state() {
      if (state === 'open' && clock() - openedAt >= options.openMilliseconds) return 'half-open';
      return state;
    },
    wrap(model) {
      return {
        name: model.name,
        async *stream(messages, streamOptions) {
          if (!admit()) throw new CircuitOpenError();
          let settled = false;
          try {
            yield* model.stream(messages, streamOptions);
            settled = true;
            succeed();
          } catch (error) {
            settled = true;
            if (error instanceof ChatModelError && error.code === 'aborted') trialInFlight = false;
            else fail();
            throw error;
          } finally {
            // The consumer stopped early (return()): not the upstream's fault, but free the trial slot.
            if (!settled) trialInFlight = false;
          }
        },
      };
    },
  };
}
