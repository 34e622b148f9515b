import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChatModelError, createOpenAiChatModel, parseRetryAfter, type RetryPolicy } from '../../src/answer/chat-model.js';
import { startStandInOpenAiServer, type StandInOpenAiServer } from '../support/stand-in-openai-server.js';

const policy: RetryPolicy = { maxRetries: 2, attemptTimeoutMs: 500, totalBudgetMs: 3_000, maxRetryAfterMs: 1_000, baseBackoffMs: 20 };
let server: StandInOpenAiServer;

beforeEach(async () => {
  server = await startStandInOpenAiServer();
});
afterEach(async () => {
  await server.close();
});

const collect = async (model: ReturnType<typeof createOpenAiChatModel>, signal?: AbortSignal) => {
  let text = '';
  for await (const delta of model.stream([{ role: 'user', content: 'hello' }], signal ? { signal } : {})) text += delta;
  return text;
};

describe('createOpenAiChatModel', () => {
  it('should stream the completion over SSE from an OpenAI-compatible server', async () => {
    server.enqueue({ kind: 'text', text: 'Alternatives to detention [1].' });
    const model = createOpenAiChatModel({ baseUrl: server.baseUrl, model: 'stand-in-model', policy });
    expect(await collect(model)).toBe('Alternatives to detention [1].');
    expect(server.requests[0]!.body).toMatchObject({ model: 'stand-in-model', stream: true });
    expect(server.requests[0]!.body.messages).toEqual([{ role: 'user', content: 'hello' }]);
  });

  it('should retry a 429 after the Retry-After the server asked for', async () => {
    server.enqueue({ kind: 'status', status: 429, retryAfter: '0.2' }, { kind: 'text', text: 'OK now' });
    const model = createOpenAiChatModel({ baseUrl: server.baseUrl, model: 'm', policy });
    expect(await collect(model)).toBe('OK now');
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.receivedAt - server.requests[0]!.receivedAt).toBeGreaterThanOrEqual(190);
  });

  it('should give up at once when Retry-After is longer than the cap', async () => {
    server.enqueue({ kind: 'status', status: 429, retryAfter: '30' });
    const model = createOpenAiChatModel({ baseUrl: server.baseUrl, model: 'm', policy });
    await expect(collect(model)).rejects.toMatchObject({ code: 'rate-limited', attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('should make at most three attempts on repeated server errors', async () => {
    server.setFallback({ kind: 'status', status: 500 });
    const model = createOpenAiChatModel({ baseUrl: server.baseUrl, model: 'm', policy });
    await expect(collect(model)).rejects.toBeInstanceOf(ChatModelError);
    expect(server.requests).toHaveLength(3);
  });

  it('should time out a server that never answers, retrying within the budget', async () => {
    server.setFallback({ kind: 'hang' });
    const model = createOpenAiChatModel({ baseUrl: server.baseUrl, model: 'm', policy: { ...policy, attemptTimeoutMs: 100, maxRetries: 1 } });
    await expect(collect(model)).rejects.toMatchObject({ code: 'timeout' });
    expect(server.requests).toHaveLength(2);
  });

  it('should stop when the caller aborts, without retrying', async () => {
    server.setFallback({ kind: 'hang' });
    const model = createOpenAiChatModel({ baseUrl: server.baseUrl, model: 'm', policy });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(collect(model, controller.signal)).rejects.toMatchObject({ code: 'aborted' });
    expect(server.requests).toHaveLength(1);
  });

  it('should report a reset connection as a connection failure after retrying', async () => {
    server.setFallback({ kind: 'reset' });
    const model = createOpenAiChatModel({ baseUrl: server.baseUrl, model: 'm', policy: { ...policy, maxRetries: 1 } });
    await expect(collect(model)).rejects.toMatchObject({ code: 'connection' });
    expect(server.requests).toHaveLength(2);
  });
});

describe('parseRetryAfter', () => {
  it('should read seconds and HTTP dates', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(new Date(Date.now() + 5_000).toUTCString())).toBeGreaterThan(3_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
