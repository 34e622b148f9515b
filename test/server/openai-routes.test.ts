import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Citation } from '../../src/answer/answer-types.js';
import type { RunningServer } from '../../src/server/start-server.js';
import { buildTestApp, listenOnFreePort, scriptedText, type TestApp } from './server-test-kit.js';

let test: TestApp;
let server: RunningServer;
let client: OpenAI;

beforeAll(async () => {
  test = buildTestApp();
  server = await listenOnFreePort(test.app);
  client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'not-needed', maxRetries: 0 });
});

afterAll(async () => {
  server.server.closeAllConnections();
  await server.close();
});

const messages = [{ role: 'user' as const, content: 'Can migrants be held while their papers are checked?' }];

describe('OpenAI-compatible routes', () => {
  it('should list the verbatim model', async () => {
    const models = await client.models.list();
    expect(models.data.map((model) => model.id)).toEqual(['verbatim']);
  });

  it('should answer a non-streamed completion with inline labels and a citations field', async () => {
    const completion = await client.chat.completions.create({ model: 'verbatim', messages });
    const message = completion.choices[0]!.message as typeof completion.choices[0]['message'] & { citations: Citation[] };
    // The answer already carries para. 5 (b) inline; para. 1 is cited but not inline, so it is appended.
    expect(message.content).toBe(`${scriptedText.join('')} [A/RES/76/172, para. 1]`);
    expect(message.citations.map((citation) => citation.id)).toEqual(['A/RES/76/172:OP5(b)', 'A/RES/76/172:OP1']);
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    expect(completion.usage?.total_tokens).toBeGreaterThan(0);
    const logged = (await test.repository.getAnswer((completion as unknown as { verbatim: { answerId: string } }).verbatim.answerId))!;
    expect(logged.channel).toBe('openai');
  });

  it('should stream chunks that the client assembles, with citations on the final chunk and [DONE]', async () => {
    const stream = await client.chat.completions.create({ model: 'verbatim', messages, stream: true });
    let content = '';
    let citations: Citation[] | undefined;
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      content += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      const extra = chunk as typeof chunk & { citations?: Citation[] };
      if (extra.citations) citations = extra.citations;
    }
    expect(content).toBe(`${scriptedText.join('')} [A/RES/76/172, para. 1]`);
    expect(finish).toBe('stop');
    expect(citations?.map((citation) => citation.label)).toEqual(['A/RES/76/172, para. 5 (b)', 'A/RES/76/172, para. 1']);

    const raw = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'verbatim', messages, stream: true }),
    });
    const lines = (await raw.text()).split('\n').filter((line) => line.length > 0);
    expect(lines.every((line) => line.startsWith('data: '))).toBe(true);
    expect(lines.at(-1)).toBe('data: [DONE]');
  });

  it('should surface a clear error for an unknown model and for a too long message through the client', async () => {
    await expect(client.chat.completions.create({ model: 'gpt-4o', messages })).rejects.toMatchObject({ status: 404 });
    const error = await client.chat.completions
      .create({ model: 'verbatim', messages: [{ role: 'user', content: 'x'.repeat(2001) }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as Error).message).toContain('at most 2000 characters');
  });

  it('should end a failed stream with an error the client raises, carrying only the public message', async () => {
    const failing = buildTestApp({ mode: 'error-event' });
    const failingServer = await listenOnFreePort(failing.app);
    try {
      const failingClient = new OpenAI({ baseURL: `${failingServer.url}/v1`, apiKey: 'unused', maxRetries: 0 });
      const stream = await failingClient.chat.completions.create({ model: 'verbatim', messages, stream: true });
      const consume = async () => {
        for await (const chunk of stream) void chunk;
      };
      const error = await consume().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(OpenAI.APIError);
      expect((error as Error).message).toContain('The answer could not be completed.');
      expect((error as Error).message).not.toContain('sk-123');
    } finally {
      failingServer.server.closeAllConnections();
      await failingServer.close();
    }
  });

  it('should accept content given as text parts and developer messages', async () => {
    const completion = await client.chat.completions.create({
      model: 'verbatim',
      messages: [
        { role: 'developer', content: 'Be brief.' },
        { role: 'user', content: [{ type: 'text', text: 'Detention of migrants?' }] },
      ],
    });
    expect(completion.choices[0]!.message.content).toContain('detention');
    expect(test.answerService.requests.at(-1)?.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Detention of migrants?' },
    ]);
  });
});
