import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start-server.js';
import { buildTestApp, listenOnFreePort, parseServerSentEvents, postJson, question, scriptedText, type TestApp } from './server-test-kit.js';

let running: RunningServer[] = [];
afterEach(async () => {
  for (const server of running) server.server.closeAllConnections();
  await Promise.all(running.map((server) => server.close()));
  running = [];
});

async function serve(options: Parameters<typeof buildTestApp>[0] = {}): Promise<TestApp & { url: string; server: RunningServer }> {
  const test = buildTestApp(options);
  const server = await listenOnFreePort(test.app);
  running.push(server);
  return { ...test, url: server.url, server };
}

function rawPost(url: string, body: Buffer, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('POST /api/chat', () => {
  it('should stream sources, text deltas, citations and answer-end in that order', async () => {
    const test = await serve();
    const response = await postJson(`${test.url}/api/chat`, question);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = parseServerSentEvents(await response.text());
    expect(events.map((event) => event.event)).toEqual(['sources', 'text-delta', 'text-delta', 'text-delta', 'citations', 'answer-end']);
    const parsed = events.map((event) => JSON.parse(event.data) as { type: string; delta?: string; answerId?: string });
    expect(parsed.every((event, index) => event.type === events[index]?.event)).toBe(true);
    expect(parsed.filter((event) => event.type === 'text-delta').map((event) => event.delta).join('')).toBe(scriptedText.join(''));
    const end = parsed.at(-1) as unknown as { answerId: string; abstained: boolean; timings: Record<string, number> };
    expect(end.abstained).toBe(false);
    expect(end.timings).toEqual({ total: 3 });
    const stored = await test.repository.getAnswer(end.answerId);
    expect(stored).toMatchObject({ channel: 'chat', question: question.messages[0]?.content, answer: scriptedText.join('') });
    expect(stored?.citations.map((citation) => citation.id)).toEqual(['A/RES/76/172:OP5(b)', 'A/RES/76/172:OP1']);
  });

  it('should return the answer object as JSON with stream false and pass filters and history on', async () => {
    const test = await serve();
    const messages = [
      { role: 'user', content: 'What about detention?' },
      { role: 'assistant', content: 'States should avoid it.' },
      { role: 'user', content: 'And in the 2019 one?' },
    ];
    const response = await postJson(`${test.url}/api/chat`, { messages, stream: false, filters: { years: [2019] }, conversationId: 'c-1' });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { answerId: string; citations: unknown[]; answer: string };
    expect(answer.citations).toHaveLength(2);
    expect(test.answerService.requests[0]).toMatchObject({ messages, filters: { years: [2019] } });
    expect(await test.repository.getAnswer(answer.answerId)).toMatchObject({ conversationId: 'c-1', history: messages.slice(0, 2) });
  });

  it('should reject malformed JSON, wrong types, bad content types and invalid UTF-8 with a clear 4xx', async () => {
    const test = await serve();
    const url = `${test.url}/api/chat`;
    const json = { 'Content-Type': 'application/json' };
    const malformed = await rawPost(url, Buffer.from('{"messages": ['), json);
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ error: { code: 'invalid-json', message: 'The request body is not valid JSON.' } });
    const wrongTypes = await rawPost(url, Buffer.from(JSON.stringify({ messages: 'hello', stream: 'yes' })), json);
    expect(wrongTypes.status).toBe(400);
    expect(JSON.parse(wrongTypes.body).error.details.join(' ')).toMatch(/messages: .*stream: /);
    const utf8 = await rawPost(url, Buffer.concat([Buffer.from('{"messages":[{"role":"user","content":"caf'), Buffer.from([0xc3, 0x28]), Buffer.from('"}]}')]), json);
    expect(utf8.status).toBe(400);
    expect(JSON.parse(utf8.body).error.code).toBe('invalid-utf8');
    const plain = await rawPost(url, Buffer.from(JSON.stringify(question)), { 'Content-Type': 'text/plain' });
    expect(plain.status).toBe(415);
    expect(test.answerService.requests).toHaveLength(0);
  });

  it('should enforce 16 KiB bodies, 2,000-character messages, 20 turns and a final user question', async () => {
    const test = await serve();
    const url = `${test.url}/api/chat`;
    const oversize = await postJson(url, { messages: [{ role: 'user', content: 'a'.repeat(17 * 1024) }] });
    expect(oversize.status).toBe(413);
    expect(((await oversize.json()) as { error: { message: string } }).error.message).toContain('16 KiB');
    const chunked = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (let index = 0; index < 20; index += 1) controller.enqueue(new TextEncoder().encode(' '.repeat(1024)));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    const long = await postJson(url, { messages: [{ role: 'user', content: 'a'.repeat(2001) }] });
    expect(long.status).toBe(400);
    expect(((await long.json()) as { error: { message: string } }).error.message).toContain('at most 2000 characters');
    const turns = Array.from({ length: 21 }, (_, index) => ({ role: index % 2 === 0 ? 'user' : 'assistant', content: `turn ${index}` }));
    const many = await postJson(url, { messages: turns });
    expect(many.status).toBe(400);
    expect(((await many.json()) as { error: { message: string } }).error.message).toContain('at most 20 messages');
    const noQuestion = await postJson(url, { messages: [{ role: 'assistant', content: 'Hello' }] });
    expect(noQuestion.status).toBe(400);
    expect(test.answerService.requests).toHaveLength(0);
    expect((await fetch(`${test.url}/healthz`)).status).toBe(200);
  });

  it('should answer a flood from one address with 429 and Retry-After', async () => {
    const test = await serve({ environment: { RATE_LIMIT_PER_MINUTE: '3' } });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let index = 0; index < 6; index += 1) {
      const response = await postJson(`${test.url}/api/chat`, { ...question, stream: false });
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get('retry-after');
      await response.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(test.metrics.render()).toContain('verbatim_rate_limited_total{scope="address"} 3');
  });

  it('should abort the answer service signal when the client disconnects mid-stream', async () => {
    const test = await serve({ mode: 'hang' });
    const client = new AbortController();
    const reached = test.answerService.nextRequest();
    const pending = fetch(`${test.url}/api/chat`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(question),
      signal: client.signal,
    });
    const request = await reached;
    const streamed = await pending;
    const reader = streamed.body!.getReader();
    await reader.read();
    expect(request.signal?.aborted).toBe(false);
    client.abort();
    await expect.poll(() => test.answerService.requests.some((entry) => entry.signal?.aborted), { timeout: 3000 }).toBe(true);
    await expect.poll(() => test.inFlight.count, { timeout: 5000 }).toBe(0);
  });

  it('should abort the answer service signal when a client waiting for JSON disconnects', async () => {
    const test = await serve({ mode: 'hang' });
    const client = new AbortController();
    const reached = test.answerService.nextRequest();
    const pending = fetch(`${test.url}/api/chat`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...question, stream: false }),
      signal: client.signal,
    }).catch(() => undefined);
    const request = await reached;
    client.abort();
    await pending;
    await expect.poll(() => request.signal?.aborted, { timeout: 3000 }).toBe(true);
    await expect.poll(() => test.answerService.abortsObserved, { timeout: 3000 }).toBe(1);
  });

  it('should stop a stream at the deadline with an error event and a JSON answer with 504', async () => {
    const test = await serve({ mode: 'hang', environment: { REQUEST_DEADLINE_MS: '150' } });
    const streamed = await postJson(`${test.url}/api/chat`, question);
    const events = parseServerSentEvents(await streamed.text());
    expect(events.map((event) => event.event)).toEqual(['sources', 'error']);
    expect(JSON.parse(events[1]!.data)).toEqual({ type: 'error', code: 'deadline-exceeded', message: 'The answer took too long and was stopped.' });
    const json = await postJson(`${test.url}/api/chat`, { ...question, stream: false });
    expect(json.status).toBe(504);
    expect(test.answerService.abortsObserved).toBe(2);
    expect(test.metrics.render()).toContain('verbatim_deadline_exceeded_total 2');
  });

  it('should replace an answerer error event with a public message', async () => {
    const test = await serve({ mode: 'error-event' });
    const text = await (await postJson(`${test.url}/api/chat`, question)).text();
    expect(text).not.toContain('sk-123');
    const events = parseServerSentEvents(text);
    expect(JSON.parse(events.at(-1)!.data)).toEqual({ type: 'error', code: 'answer-failed', message: 'The answer could not be completed.' });
  });

  it('should queue an answer while the slot is busy and refuse with 503 and Retry-After once the line is full', async () => {
    const test = await serve({ mode: 'hang', environment: { MAX_CONCURRENT_ANSWERS: '1', MAX_QUEUED_ANSWERS: '1', REQUEST_DEADLINE_MS: '5000' } });
    const running = new AbortController();
    const waiting = new AbortController();
    const reached = test.answerService.nextRequest();
    const first = fetch(`${test.url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(question), signal: running.signal });
    await reached;
    const second = fetch(`${test.url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(question), signal: waiting.signal });
    await expect.poll(() => test.metrics.render()).toContain('verbatim_answers_waiting 1');

    const third = await postJson(`${test.url}/api/chat`, question);
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toBe('1');
    expect(((await third.json()) as { error: { code: string } }).error.code).toBe('overloaded');
    // Refused before the body is parsed: a malformed body gets the same cheap 503, not a 400.
    const malformed = await fetch(`${test.url}/v1/chat/completions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"model":' });
    expect(malformed.status).toBe(503);
    expect(test.metrics.render()).toContain('verbatim_load_shed_total{reason="line-full"} 2');
    expect(test.answerService.requests).toHaveLength(1);

    // A client that gives up while waiting leaves the line; its answer never runs.
    waiting.abort();
    await second.catch(() => undefined);
    await expect.poll(() => test.metrics.render()).toContain('verbatim_answers_waiting 0');
    running.abort();
    await first.catch(() => undefined);
    await expect.poll(() => test.metrics.render()).toContain('verbatim_answers_running 0');
    expect(test.answerService.requests).toHaveLength(1);
  });

  it('should run a queued answer once the slot frees', async () => {
    const test = await serve({ environment: { MAX_CONCURRENT_ANSWERS: '1', MAX_QUEUED_ANSWERS: '4' } });
    let release: () => void = () => undefined;
    test.answerService.gate = new Promise<void>((resolve) => (release = resolve));
    const reached = test.answerService.nextRequest();
    const first = postJson(`${test.url}/api/chat`, question);
    await reached;
    const second = postJson(`${test.url}/api/chat`, { ...question, stream: false });
    await expect.poll(() => test.metrics.render()).toContain('verbatim_answers_waiting 1');
    expect(test.answerService.requests).toHaveLength(1);
    release();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    expect(test.answerService.requests).toHaveLength(2);
  });
});
