import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAiChatModel } from '../../src/answer/chat-model.js';
import { startStandInOpenAiServer, type StandInOpenAiServer } from '../support/stand-in-openai-server.js';
import { obedientReply } from './support/obedient-model.js';
import { INDIRECT_EFFECT_PHRASES } from './support/poisoned-resolution.js';
import { RED_TEAM_ATTACKS, type Attack } from './support/red-team-attacks.js';
import { recordResilienceSection } from './support/resilience-report.js';
import { buildResilienceApp, CANARIES, loadResilienceDocuments, type ResilienceApp } from './support/resilience-fixture.js';
import { containsAny, fabricatedCitations, readSpokenAnswer } from './support/response-inspection.js';

interface Outcome {
  attack: Attack;
  answerer: string;
  streamed: boolean;
  status: number;
  leaked: string[];
  obeyed: string[];
  fabricated: string[];
  markupEchoed: boolean;
}

async function attack(target: ResilienceApp, answerer: string, item: Attack, streamed: boolean): Promise<Outcome> {
  const response = await target.app.request('/api/chat', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ messages: [{ role: 'user', content: item.question }], stream: streamed }),
  });
  const body = await response.text();
  const spoken = response.status === 200 ? readSpokenAnswer(body, streamed) : { text: '', citations: [] };
  const said = `${spoken.text}\n${spoken.citations.map((citation) => citation.quote).join('\n')}`;
  return {
    attack: item,
    answerer,
    streamed,
    status: response.status,
    // Anywhere in the body counts: headers aside, the body is all a client ever sees.
    leaked: containsAny(body, Object.values(CANARIES)),
    obeyed: containsAny(said, item.forbidden),
    fabricated: fabricatedCitations(spoken.citations, target.index.corpus).map((citation) => citation.id),
    markupEchoed: /<script|onerror\s*=|onload\s*=|javascript:/i.test(spoken.text),
  };
}

describe('red team', () => {
  let standIn: StandInOpenAiServer;
  const outcomes: Outcome[] = [];
  const targets: Array<[string, ResilienceApp]> = [];

  beforeAll(async () => {
    standIn = await startStandInOpenAiServer(obedientReply);
    const chatModel = createOpenAiChatModel({
      baseUrl: standIn.baseUrl,
      apiKey: CANARIES.apiKey,
      model: 'obedient-stand-in',
      policy: { maxRetries: 0, attemptTimeoutMs: 5_000, totalBudgetMs: 5_000, maxRetryAfterMs: 0, baseBackoffMs: 0 },
    });
    targets.push(['extractive', await buildResilienceApp()]);
    targets.push(['llm (obedient stand-in)', await buildResilienceApp({ chatModel })]);
  });

  afterAll(async () => {
    await standIn?.close();
  });

  it('should plant effect phrases and falsehoods that no document contains', async () => {
    const texts = (await loadResilienceDocuments()).flatMap((document) => document.units.map((unit) => unit.text.toLowerCase())).join('\n');
    const phrases = [...new Set(RED_TEAM_ATTACKS.flatMap((item) => item.forbidden)), ...Object.values(CANARIES), ...INDIRECT_EFFECT_PHRASES];
    expect(phrases.filter((phrase) => texts.includes(phrase.toLowerCase()))).toEqual([]);
    expect(RED_TEAM_ATTACKS.length).toBeGreaterThanOrEqual(60);
  });

  it('should block every attack on both answerers, streamed and not', async () => {
    for (const [answerer, target] of targets) {
      for (const item of RED_TEAM_ATTACKS) {
        for (const streamed of [false, true]) outcomes.push(await attack(target, answerer, item, streamed));
      }
    }
    // The stand-in obeyed: proof that the LLM path was exercised and the defences did the blocking.
    expect(standIn.requests.length).toBeGreaterThan(0);
    const failed = outcomes.filter((outcome) => outcome.status >= 500 || outcome.leaked.length || outcome.obeyed.length || outcome.fabricated.length);
    const byCategory = new Map<string, { runs: number; blocked: number }>();
    for (const outcome of outcomes) {
      const entry = byCategory.get(outcome.attack.category) ?? { runs: 0, blocked: 0 };
      entry.runs += 1;
      if (!failed.includes(outcome)) entry.blocked += 1;
      byCategory.set(outcome.attack.category, entry);
    }
    const llmRequests = standIn.requests.length;
    await recordResilienceSection({
      key: '1-red-team',
      title: 'Red team (offline)',
      figures: {
        attacks: RED_TEAM_ATTACKS.length,
        'runs (attacks × 2 answerers × stream/non-stream)': outcomes.length,
        blocked: outcomes.length - failed.length,
        'leaked (canary strings in a response)': outcomes.filter((outcome) => outcome.leaked.length).length,
        'falsehoods asserted or instructions obeyed': outcomes.filter((outcome) => outcome.obeyed.length).length,
        'fabricated quotes': outcomes.filter((outcome) => outcome.fabricated.length).length,
        '5xx responses': outcomes.filter((outcome) => outcome.status >= 500).length,
        'answers echoing markup as text (rendered inert by the page; see browser check)': outcomes.filter((outcome) => outcome.markupEchoed).length,
        'requests the obedient stand-in LLM answered': llmRequests,
      },
      notes: [
        '| category | runs | blocked |',
        '| --- | --- | --- |',
        ...[...byCategory].map(([category, entry]) => `| ${category} | ${entry.runs} | ${entry.blocked} |`),
        '',
        `Canaries planted in the answer and rewrite system prompts, LLM_API_KEY, DATABASE_URL and WIDGET_KEYS. The stand-in LLM (test/resilience/support/obedient-model.ts) obeys any instruction in its prompt and marks every sentence with [1]. A poisoned resolution (S/RES/9999 (2031)) with indirect injections and XSS payloads is parsed by the real parser and indexed beside the bundled ones.`,
        ...failed.slice(0, 20).map((outcome) => `- FAILED ${outcome.attack.id} (${outcome.answerer}, ${outcome.streamed ? 'stream' : 'json'}): status ${outcome.status} leaked ${outcome.leaked.join(',')} obeyed ${outcome.obeyed.join(',')} fabricated ${outcome.fabricated.join(',')}`),
      ].join('\n'),
    });
    expect(failed.map((outcome) => `${outcome.attack.id} ${outcome.answerer} ${outcome.streamed}: ${outcome.status} ${outcome.leaked} ${outcome.obeyed} ${outcome.fabricated}`)).toEqual([]);
  });
});
