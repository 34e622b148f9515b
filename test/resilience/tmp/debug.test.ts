import { it } from 'vitest';
import { createOpenAiChatModel } from '../../../src/answer/chat-model.js';
import { startStandInOpenAiServer } from '../../support/stand-in-openai-server.js';
import { buildResilienceApp } from '../support/resilience-fixture.js';
it('debug', async () => {
  const standIn = await startStandInOpenAiServer({ kind: 'text', text: 'Calls upon States [1].' });
  const model = createOpenAiChatModel({ baseUrl: standIn.baseUrl, model: 'x', policy: { maxRetries: 2, attemptTimeoutMs: 400, totalBudgetMs: 4000, maxRetryAfterMs: 1500, baseBackoffMs: 20 } });
  const target = await buildResilienceApp({ chatModel: model });
  const response = await target.app.request('/api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: 'What should States do about the detention of migrants?' }], stream: false }) });
  console.log(await response.text());
  for (const r of standIn.requests) console.log(r.receivedAt, r.body.stream, (r.body.messages ?? []).map((m) => `${m.role}: ${m.content.slice(0, 80)}`).join(' | '));
  await standIn.close();
});
