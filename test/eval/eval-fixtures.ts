import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Answer, AnswerRequest, AnswerService } from '../../src/answer/answer-types.js';
import { createCorpusStore, type CorpusStore } from '../../src/corpus/corpus-store.js';
import type { DocumentUnit, ResolutionDocument } from '../../src/corpus/resolution-document.js';

const symbol = 'A/RES/1/1';

function unit(part: string, kind: DocumentUnit['kind'], text: string, order: number): DocumentUnit {
  return { id: `${symbol}:${part}`, unit: part, kind, label: `${symbol}, ${part}`, text, rawText: text, footnotes: [], order, line: order + 1 };
}

/** A small resolution whose texts carry characters the HTML report must escape. */
export function fixtureCorpus(): CorpusStore {
  const document: ResolutionDocument = {
    symbol,
    title: 'Protection of test subjects',
    body: 'General Assembly',
    url: 'https://undocs.org/en/A/RES/1/1',
    sourceFile: 'fixture.txt',
    checksum: 'none',
    units: [
      unit('HEADER', 'header', 'Adopted on 1 January 2020', 0),
      unit('PP1', 'preamble', 'Recalling that <script>alert(1)</script> is not an instruction,', 1),
      unit('OP1', 'operative', 'Calls upon States to pursue alternatives to detention;', 2),
      unit('OP2', 'operative', 'Encourages cheaper remittances, less than 3 per cent by 2030;', 3),
      unit('FN1', 'footnote', 'Treaty Series, vol. 1577, No. 27531.', 4),
    ],
  };
  return createCorpusStore([document]);
}

export const ids = {
  header: `${symbol}:HEADER`,
  pp1: `${symbol}:PP1`,
  op1: `${symbol}:OP1`,
  op2: `${symbol}:OP2`,
  fn1: `${symbol}:FN1`,
};

export const fixtureGoldenLines = [
  { id: 'detention', type: 'fact', question: 'Can people be detained?', expected_citations: [ids.op1], key_facts: ['alternatives to detention'] },
  { id: 'remittances', type: 'fact', question: 'How cheap should remittances be?', expected_citations: [ids.op2], key_facts: ['3 per cent'] },
  { id: 'treaty', type: 'footnote', question: 'Which volume?', expected_citations: [ids.fn1], key_facts: ['vol. 1577'] },
  { id: 'votes', type: 'unanswerable', question: 'Who voted against?', expected_citations: [], key_facts: [] },
];

export async function writeGoldenFile(lines: readonly unknown[] = fixtureGoldenLines): Promise<{ directory: string; path: string }> {
  const directory = await mkdtemp(join(tmpdir(), 'verbatim-eval-'));
  const path = join(directory, 'golden.jsonl');
  await writeFile(path, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
  return { directory, path };
}

/** Answers the fixture questions correctly: the right unit, quoted, or an abstention. */
export function correctAnswerFor(question: string, corpus: CorpusStore): Answer {
  const pick: Record<string, string> = {
    'Can people be detained?': ids.op1,
    'How cheap should remittances be?': ids.op2,
    'Which volume?': ids.fn1,
  };
  const id = pick[question];
  const base = { answerId: `answer-${question.length}`, timings: { total: 1 }, answerer: 'extractive' as const };
  if (!id) {
    return { ...base, answer: 'The resolutions do not say that.', citations: [], abstained: true, sources: [{ id: ids.pp1, label: 'PP1', score: 0.1 }] };
  }
  const found = corpus.getUnit(id);
  const text = found?.text ?? '';
  return {
    ...base,
    answer: `${text} [${found?.label ?? id}]`,
    citations: [{ id, label: found?.label ?? id, quote: text, url: 'https://undocs.org/en/A/RES/1/1' }],
    abstained: false,
    sources: [
      { id, label: found?.label ?? id, score: 0.9 },
      { id: ids.pp1, label: 'PP1', score: 0.2 },
    ],
  };
}

/** An AnswerService from a function, so a test can wrap the correct answers and break them. */
export function scriptedService(respond: (request: AnswerRequest) => Answer | Promise<Answer>): AnswerService {
  return {
    answer: async (request) => respond(request),
    async *stream() {
      throw new Error('the harness does not stream');
    },
  };
}

export function lastQuestion(request: AnswerRequest): string {
  return request.messages[request.messages.length - 1]?.content ?? '';
}
