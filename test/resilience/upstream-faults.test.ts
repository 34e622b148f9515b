import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer-types.js';
import { createOpenAiChatModel, type ChatModel, type RetryPolicy } from '../../src/answer/chat-model.js';
import { createCircuitBreaker } from '../../src/answer/circuit-breaker.js';
import { startStandInOpenAiServer, type RecordedRequest, type StandInOpenAiServer, type StandInReply } from '../support/stand-in-openai-server.js';
import { recordResilienceSection } from './support/resilience-report.js';
import { buildResilienceApp, loadResilienceDocuments, type ResilienceApp } from './support/resilience-fixture.js';
import { readSpokenAnswer } from './support/response-inspection.js';

const QUESTION = 'What should States do about the detention of migrants?';
// Generous per-attempt time: on a busy 2-core machine a healthy streamed reply can take a second.
const policy: RetryPolicy = { maxRetries: 2, attemptTimeoutMs: 1_500, totalBudgetMs: 8_000, maxRetryAfterMs: 1_500, baseBackoffMs: 20 };

/** A reply a careful model would give: the first words of source 1, marked [1]. */
function faithfulReply(request: RecordedRequest): StandInReply {
  const prompt = (request.body.messages ?? []).map((message) => message.content).join('\n');
  const source = /<<<SOURCE 1:[^\n]*>>>\n([^\n]+)/.exec(prompt)?.[1] ?? '';
  const words = source.replace(/[…]/g, ' ').split(/\s+/).filter(Boolean).slice(0, 14).join(' ').replace(/[,;:.]+$/, '');
  return { kind: 'text', text: `${words} [1].` };
}

const isAnswerAttempt = (request: RecordedRequest) => (request.body.messages ?? []).some((message) => message.content.includes('<<<SOURCE'));

/** Fails the test instead of hanging it: a fault must end in an answer or an error, promptly. */
async function withinWatchdog<T>(promise: Promise<T>, milliseconds = 20_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const watchdog = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hung for ${milliseconds} ms`)), milliseconds);
  });
  try {
    return await Promise.race([promise, watchdog]);
  } finally {
    clearTimeout(timer);
  }
}

async function ask(target: ResilienceApp): Promise<Answer & { status: number }> {
  const response = await target.app.request('/api/chat', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ messages: [{ role: 'user', content: QUESTION }], stream: false }),
  });
  return { ...((await response.json()) as Answer), status: response.status };
}

describe('upstream LLM faults', () => {
  let standIn: StandInOpenAiServer;
  let script: StandInReply[] = [];
  const figures: Record<string, number | string> = {};
  const attempts = () => standIn.requests.filter(isAnswerAttempt).length;

  const targets = new Map<ChatModel, Promise<ResilienceApp>>();
  const targetFor = (chatModel: ChatModel) => {
    if (!targets.has(chatModel)) targets.set(chatModel, buildResilienceApp({ chatModel }));
    return targets.get(chatModel)!;
  };
  let model: ChatModel;

  beforeAll(async () => {
    standIn = await startStandInOpenAiServer();
    // Rewrite calls get the question back; answer attempts follow the scripted faults, then answer well.
    standIn.setFallback((request) => {
      if (!isAnswerAttempt(request)) return { kind: 'text', text: QUESTION };
      return script.shift() ?? faithfulReply(request);
    });
    model = createOpenAiChatModel({ baseUrl: standIn.baseUrl, model: 'stand-in', policy });
  });

  afterAll(async () => {
    await standIn?.close();
    await recordResilienceSection({
      key: '2-upstream-faults',
      title: 'Upstream LLM faults',
      figures,
      notes: `Retry policy under test: ${JSON.stringify(policy)}. Each case runs the real answer service and server against the stand-in OpenAI-compatible server over loopback; "attempts" counts answer calls the stand-in received.`,
    });
  });

  const scenario = async (name: string, faults: StandInReply[]) => {
    script = [...faults];
    const before = attempts();
    const started = performance.now();
    const answer = await withinWatchdog(ask(await targetFor(model)));
    figures[`${name}: attempts / outcome / ms`] = `${attempts() - before} / ${answer.answerer}${answer.fallback ? ' fallback' : ''} / ${Math.round(performance.now() - started)}`;
    return { answer, attempts: attempts() - before };
  };

  it('should answer from the LLM when it is healthy', async () => {
    const { answer, attempts: made } = await scenario('healthy', []);
    expect(answer.status).toBe(200);
    expect(answer.answerer).toBe('llm');
    expect(made).toBeGreaterThanOrEqual(1);
    expect(made).toBeLessThanOrEqual(3);
  });

  it('should retry timeouts a bounded number of times, then serve the extractive fallback', async () => {
    const { answer, attempts: made } = await scenario('3 timeouts', [{ kind: 'hang' }, { kind: 'hang' }, { kind: 'hang' }]);
    expect(answer.status).toBe(200);
    expect(answer.fallback).toBe(true);
    expect(answer.answerer).toBe('extractive');
    expect(answer.citations.length).toBeGreaterThan(0);
    // maxRetries = 2: three attempts when the budget allows, never more.
    expect(made).toBeGreaterThanOrEqual(2);
    expect(made).toBeLessThanOrEqual(3);
  });

  it('should honour a short Retry-After on 429 and then answer', async () => {
    script = [{ kind: 'status', status: 429, retryAfter: '1' }];
    const before = standIn.requests.filter(isAnswerAttempt).length;
    const answer = await withinWatchdog(ask(await targetFor(model)));
    const calls = standIn.requests.filter(isAnswerAttempt).slice(before);
    expect(answer.answerer).toBe('llm');
    expect(calls).toHaveLength(2);
    // Behaviour, not speed: the retry did not come before the server allowed it.
    expect(calls[1]!.receivedAt - calls[0]!.receivedAt).toBeGreaterThanOrEqual(900);
    figures['429 Retry-After 1 s: attempts / gap ms'] = `2 / ${calls[1]!.receivedAt - calls[0]!.receivedAt}`;
  });

  it('should not wait out a Retry-After longer than its budget', async () => {
    const { answer, attempts: made } = await scenario('429 Retry-After 60 s', [{ kind: 'status', status: 429, retryAfter: '60' }]);
    expect(answer.fallback).toBe(true);
    expect(made).toBe(1);
  });

  it('should stop after the retry budget on repeated 500s', async () => {
    const { answer, attempts: made } = await scenario('500 × 5', Array.from({ length: 5 }, () => ({ kind: 'status' as const, status: 500 })));
    expect(answer.fallback).toBe(true);
    expect(made).toBe(3);
    expect(script).toHaveLength(2);
    script = [];
  });

  it('should retry a connection reset', async () => {
    const { answer, attempts: made } = await scenario('connection reset then healthy', [{ kind: 'reset' }]);
    expect(answer.answerer).toBe('llm');
    expect(made).toBe(2);
  });

  it('should end a truncated stream with an answer, never a hang', async () => {
    const { answer } = await scenario('truncated stream', [{ kind: 'truncated', text: 'Calls upon States to review detention periods in order to avoid excessive detention of migrants [1].' }]);
    expect(answer.status).toBe(200);
    expect(answer.answer.length).toBeGreaterThan(0);
  });

  it('should survive a malformed stream from a misbehaving server', async () => {
    const server: Server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.end('data: {"choices": [{"delta": {"content": "half\ndata: not json at all\n\ndata: {"broken": \n\n');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const broken = createOpenAiChatModel({ baseUrl: `http://127.0.0.1:${port}/v1`, model: 'broken', policy });
      const answer = await withinWatchdog(ask(await targetFor(broken)));
      expect(answer.status).toBe(200);
      expect(answer.fallback).toBe(true);
      figures['malformed SSE: outcome'] = `${answer.answerer} fallback`;
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('should fail fast while the circuit is open and recover after it', async () => {
    let now = 0;
    const breaker = createCircuitBreaker({ failureThreshold: 2, openMilliseconds: 30_000, clock: () => now });
    const target = await targetFor(breaker.wrap(model));
    script = Array.from({ length: 6 }, () => ({ kind: 'status' as const, status: 500 }));
    const before = attempts();
    for (let call = 0; call < 2; call += 1) expect((await withinWatchdog(ask(target))).fallback).toBe(true);
    expect(attempts() - before).toBe(6);
    expect(breaker.state).toBe('open');
    const whileOpen = await withinWatchdog(ask(target));
    expect(whileOpen.fallback).toBe(true);
    expect(attempts() - before).toBe(6);
    now += 30_000;
    expect(breaker.state).toBe('half-open');
    script = [];
    const recovered = await withinWatchdog(ask(target));
    expect(recovered.answerer).toBe('llm');
    expect(breaker.state).toBe('closed');
    figures['circuit breaker'] = 'opened after 2 failed calls (6 attempts), 0 upstream calls while open, closed after one good trial';
  });

  it('should send an SSE error event with a public message when nothing can be said', async () => {
    const failing = { modelId: 'fake-hashing-64', dimension: 64, embed: async () => Promise.reject(new Error('encoder crashed: secret /internal/path')) };
    const target = await buildResilienceApp({ answerEmbedder: failing, documents: await loadResilienceDocuments() });
    const response = await withinWatchdog(
      Promise.resolve(target.app.request('/api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: QUESTION }], stream: true }) })),
    );
    const body = await withinWatchdog(response.text());
    expect(body).toMatch(/event: error/);
    expect(body).not.toMatch(/secret|internal\/path|encoder crashed/);
    expect(readSpokenAnswer(body, true).text).toBe('');
    figures['nothing can be said (encoder down): SSE'] = 'event: error with a public message, no internal text';
  });
});
