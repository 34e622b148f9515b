import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import OpenAI from 'openai';
import { z } from 'zod';
import { sha256 } from './run-manifest.js';

export interface JudgeInput {
  question: string;
  answer: string;
  passages: Array<{ id: string; text: string }>;
  reference?: string;
  keyFacts: string[];
}

export interface JudgeVerdict {
  faithfulness: number;
  correctness: number;
  reason: string;
  /** True when the verdict came from the disk cache (no model call). */
  cached: boolean;
}

/** Optional model-graded scores, off by default; the deterministic metrics never depend on it. */
export interface AnswerJudge {
  /** Recorded in the run manifest, e.g. `openai:gpt-4o-mini`. */
  readonly name: string;
  judge(input: JudgeInput): Promise<JudgeVerdict>;
}

export const judgePrompt = readFileSync(new URL('./judge-prompt.md', import.meta.url), 'utf8');

const verdictSchema = z.object({
  faithfulness: z.number().min(0).max(1),
  correctness: z.number().min(0).max(1),
  reason: z.string().default(''),
});

export interface OpenAiJudgeOptions {
  baseUrl: string;
  apiKey?: string;
  model: string;
  /** Verdicts are stored here by sha256(model, prompt, input), so reruns cost nothing and repeat exactly. */
  cacheDirectory: string;
  timeoutMs?: number;
}

function renderInput(input: JudgeInput): string {
  const passages = input.passages.map((passage) => `[${passage.id}] ${passage.text}`).join('\n');
  const reference = [input.reference ?? '', input.keyFacts.length ? `Key facts: ${input.keyFacts.join('; ')}` : ''].filter(Boolean).join('\n');
  return `<question>${input.question}</question>\n<answer>${input.answer}</answer>\n<passages>\n${passages}\n</passages>${
    reference ? `\n<reference>${reference}</reference>` : ''
  }`;
}

/** Takes the first JSON object in the reply; models sometimes wrap it in prose or a code fence. */
function parseVerdict(text: string): Omit<JudgeVerdict, 'cached'> {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) throw new Error(`judge reply has no JSON object: ${text.slice(0, 120)}`);
  return verdictSchema.parse(JSON.parse(text.slice(start, end + 1)));
}

export function createOpenAiJudge(options: OpenAiJudgeOptions): AnswerJudge {
  const client = new OpenAI({ baseURL: options.baseUrl, apiKey: options.apiKey ?? 'not-needed', timeout: options.timeoutMs ?? 30_000, maxRetries: 1 });
  return {
    name: `openai:${options.model}`,
    async judge(input) {
      const content = renderInput(input);
      const key = sha256(JSON.stringify({ model: options.model, prompt: judgePrompt, input: content }));
      const path = join(options.cacheDirectory, `${key}.json`);
      const hit = await readFile(path, 'utf8').catch(() => undefined);
      if (hit !== undefined) return { ...verdictSchema.parse(JSON.parse(hit)), cached: true };
      const completion = await client.chat.completions.create({
        model: options.model,
        temperature: 0,
        messages: [
          { role: 'system', content: judgePrompt },
          { role: 'user', content },
        ],
      });
      const verdict = parseVerdict(completion.choices[0]?.message?.content ?? '');
      await mkdir(options.cacheDirectory, { recursive: true });
      // Write then rename, so an interrupted run never leaves a half-written verdict in the cache.
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify(verdict));
      await rename(temporary, path);
      return { ...verdict, cached: false };
    },
  };
}
