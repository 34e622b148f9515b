import type { CorpusStore } from '../corpus/corpus-store.js';
import type { RetrievedUnit } from '../retrieval/retrieval-types.js';
import { renderDraft, type AnswerDraft } from './answer-draft.js';
import type { AnswerEvent, AnswererName, Citation } from './answer-types.js';
import type { LlmAnswerChain } from './llm-answerer.js';

export interface LlmStreamResult {
  answerer: AnswererName;
  abstained: boolean;
  fallback: boolean;
  /** Sentences the model wrote that failed validation and were dropped. */
  dropped: number;
}

/** How many retrieved units the model sees. */
const sourcesForModel = 6;

/**
 * Runs the generative chain and turns its validated sentences into events. Unsupported sentences
 * are dropped; if the model fails (error, timeout, 429 past the retry budget) or nothing it wrote
 * survives validation, the extractive draft is served instead, marked as a fallback.
 */
export async function* streamLlmAnswer(input: {
  chain: LlmAnswerChain;
  question: string;
  evidence: readonly RetrievedUnit[];
  extractive: AnswerDraft;
  corpus: CorpusStore;
  signal?: AbortSignal | undefined;
}): AsyncGenerator<AnswerEvent, LlmStreamResult> {
  const { corpus } = input;
  const citations: Citation[] = [];
  let emitted = false;
  let dropped = 0;
  let abstention: string | undefined;
  let failed = false;
  try {
    const units = input.evidence.slice(0, sourcesForModel).map((hit) => hit.unit);
    for await (const sentence of input.chain.stream({ question: input.question, units }, input.signal)) {
      if (!sentence.supported) {
        if (sentence.reason === 'no-marker' && /^the resolutions do not (?:say|mention|address|contain|state)\b/i.test(sentence.text)) {
          abstention ??= sentence.text;
        } else dropped += 1;
        continue;
      }
      const rendered = renderDraft({ sentences: [{ text: sentence.text, unitIds: sentence.unitIds }], abstained: false, quotes: new Map() }, corpus);
      for (const citation of rendered.citations) if (!citations.some((known) => known.id === citation.id)) citations.push(citation);
      yield { type: 'text-delta', delta: `${emitted ? ' ' : ''}${rendered.answer}` };
      emitted = true;
    }
  } catch (error) {
    if (input.signal?.aborted) throw error;
    failed = true;
  }
  if (!failed && emitted) {
    yield { type: 'citations', citations };
    return { answerer: 'llm', abstained: false, fallback: false, dropped };
  }
  if (!failed && abstention) {
    yield { type: 'text-delta', delta: abstention.replace(/([^.])$/, '$1.') };
    yield { type: 'citations', citations: [] };
    return { answerer: 'llm', abstained: true, fallback: false, dropped };
  }
  const rendered = renderDraft(input.extractive, corpus);
  yield { type: 'text-delta', delta: `${emitted ? '\n\n' : ''}${rendered.answer}` };
  for (const citation of rendered.citations) if (!citations.some((known) => known.id === citation.id)) citations.push(citation);
  yield { type: 'citations', citations };
  return { answerer: 'extractive', abstained: input.extractive.abstained, fallback: true, dropped };
}
