import { describe, expect, it } from 'vitest';
import { ChatModelError, type ChatModel } from '../../src/answer/chat-model.js';
import { CircuitOpenError, createCircuitBreaker } from '../../src/answer/circuit-breaker.js';

/** A model whose next calls succeed or fail as scripted, counting the calls that reached it. */
function scriptedModel(outcomes: Array<'ok' | 'fail' | 'abort'>) {
  const model = {
    calls: 0,
    name: 'scripted',
    async *stream() {
      model.calls += 1;
      const outcome = outcomes.shift() ?? 'ok';
      if (outcome === 'fail') throw new ChatModelError('upstream 500', 'server-error', 1);
      if (outcome === 'abort') throw new ChatModelError('aborted', 'aborted', 1);
      yield 'text';
    },
  } satisfies ChatModel & { calls: number };
  return model;
}

async function drain(model: ChatModel): Promise<string> {
  let text = '';
  for await (const delta of model.stream([{ role: 'user', content: 'q' }])) text += delta;
  return text;
}

describe('circuit breaker', () => {
  it('should open after the threshold of consecutive failures and fail fast without calling the model', async () => {
    let now = 0;
    const upstream = scriptedModel(['fail', 'fail', 'fail']);
    const breaker = createCircuitBreaker({ failureThreshold: 3, openMilliseconds: 1_000, clock: () => now });
    const model = breaker.wrap(upstream);
    for (let call = 0; call < 3; call += 1) await expect(drain(model)).rejects.toBeInstanceOf(ChatModelError);
    expect(breaker.state).toBe('open');
    await expect(drain(model)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(upstream.calls).toBe(3);
    now = 999;
    await expect(drain(model)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(upstream.calls).toBe(3);
  });

  it('should let one trial through after the open period and close when it succeeds', async () => {
    let now = 0;
    const upstream = scriptedModel(['fail', 'fail', 'ok']);
    const breaker = createCircuitBreaker({ failureThreshold: 2, openMilliseconds: 1_000, clock: () => now });
    const model = breaker.wrap(upstream);
    await expect(drain(model)).rejects.toThrow();
    await expect(drain(model)).rejects.toThrow();
    now = 1_000;
    expect(breaker.state).toBe('half-open');
    expect(await drain(model)).toBe('text');
    expect(breaker.state).toBe('closed');
  });

  it('should reopen at once when the trial fails', async () => {
    let now = 0;
    const upstream = scriptedModel(['fail', 'fail']);
    const breaker = createCircuitBreaker({ failureThreshold: 1, openMilliseconds: 500, clock: () => now });
    const model = breaker.wrap(upstream);
    await expect(drain(model)).rejects.toThrow();
    now = 500;
    await expect(drain(model)).rejects.toBeInstanceOf(ChatModelError);
    expect(breaker.state).toBe('open');
    await expect(drain(model)).rejects.toBeInstanceOf(CircuitOpenError);
  });

  it('should not count calls the user aborted, nor reset the count on them', async () => {
    const upstream = scriptedModel(['fail', 'abort', 'abort', 'fail']);
    const breaker = createCircuitBreaker({ failureThreshold: 2, openMilliseconds: 1_000, clock: () => 0 });
    const model = breaker.wrap(upstream);
    await expect(drain(model)).rejects.toThrow();
    await expect(drain(model)).rejects.toThrow();
    await expect(drain(model)).rejects.toThrow();
    expect(breaker.state).toBe('closed');
    await expect(drain(model)).rejects.toThrow();
    expect(breaker.state).toBe('open');
  });
});
