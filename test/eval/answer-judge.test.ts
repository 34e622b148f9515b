import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAiJudge } from '../../eval/answer-judge.js';
import { startStandInOpenAiServer, type StandInOpenAiServer } from '../support/stand-in-openai-server.js';

let standIn: StandInOpenAiServer | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

const input = {
  question: 'Can migrants be detained?',
  answer: 'States should pursue alternatives to detention.',
  passages: [{ id: 'A/RES/76/172:OP5(a)', text: 'to pursue alternatives to detention' }],
  keyFacts: ['alternatives to detention'],
};

describe('createOpenAiJudge', () => {
  it('should ask the model once and answer reruns from the disk cache', async () => {
    standIn = await startStandInOpenAiServer({ kind: 'text', text: 'Verdict: {"faithfulness": 1, "correctness": 0.5, "reason": "partial"}' });
    const cacheDirectory = await mkdtemp(join(tmpdir(), 'verbatim-judge-'));
    const judge = createOpenAiJudge({ baseUrl: standIn.baseUrl, model: 'judge-model', cacheDirectory });
    const first = await judge.judge(input);
    expect(first).toEqual({ faithfulness: 1, correctness: 0.5, reason: 'partial', cached: false });
    expect(standIn.requests).toHaveLength(1);
    expect(standIn.requests[0]?.body.model).toBe('judge-model');
    expect(standIn.requests[0]?.body.messages?.[1]?.content).toContain('<answer>States should pursue alternatives to detention.</answer>');

    const again = createOpenAiJudge({ baseUrl: standIn.baseUrl, model: 'judge-model', cacheDirectory });
    expect(await again.judge(input)).toEqual({ ...first, cached: true });
    expect(standIn.requests).toHaveLength(1);
    expect(await readdir(cacheDirectory)).toHaveLength(1);
  });

  it('should key the cache by model and input', async () => {
    standIn = await startStandInOpenAiServer({ kind: 'text', text: '{"faithfulness": 0, "correctness": 0}' });
    const cacheDirectory = await mkdtemp(join(tmpdir(), 'verbatim-judge-'));
    await createOpenAiJudge({ baseUrl: standIn.baseUrl, model: 'one', cacheDirectory }).judge(input);
    await createOpenAiJudge({ baseUrl: standIn.baseUrl, model: 'two', cacheDirectory }).judge(input);
    await createOpenAiJudge({ baseUrl: standIn.baseUrl, model: 'one', cacheDirectory }).judge({ ...input, answer: 'Other.' });
    expect(standIn.requests).toHaveLength(3);
  });

  it('should refuse a reply without a valid verdict and cache nothing', async () => {
    standIn = await startStandInOpenAiServer({ kind: 'text', text: 'I think it is fine.' });
    const cacheDirectory = await mkdtemp(join(tmpdir(), 'verbatim-judge-'));
    await expect(createOpenAiJudge({ baseUrl: standIn.baseUrl, model: 'm', cacheDirectory }).judge(input)).rejects.toThrow(/no JSON object/);
    expect(await readdir(cacheDirectory)).toHaveLength(0);
  });
});
