import type { Answer, AnswerService, ChatMessage } from '../src/answer/answer-types.js';
import type { CorpusStore } from '../src/corpus/corpus-store.js';

/** A unit's text as the report shows it. */
export interface UnitView {
  id: string;
  label: string;
  text: string;
  leadIn?: string;
  footnotes: Array<{ id: string; label: string; text: string }>;
}

/** What the harness evaluates: the chain in-process, or a running server over HTTP. */
export interface EvaluationTarget {
  readonly mode: 'in-process' | 'http';
  readonly url: string | null;
  /** Model ids for the run manifest, e.g. `{ embedder: 'use-lite-512' }`. */
  readonly models: Record<string, string>;
  answer(messages: ChatMessage[]): Promise<Answer>;
  /** Undefined when the unit does not exist. */
  getUnit(id: string): Promise<UnitView | undefined>;
  close?(): Promise<void>;
}

export function unitViewFromCorpus(corpus: CorpusStore, id: string): UnitView | undefined {
  const unit = corpus.getUnit(id);
  if (!unit) return undefined;
  return {
    id: unit.id,
    label: unit.label,
    text: unit.text,
    ...(unit.leadIn !== undefined ? { leadIn: unit.leadIn } : {}),
    footnotes: unit.footnotes.map((footnoteId) => {
      const footnote = corpus.getUnit(footnoteId);
      return { id: footnoteId, label: footnote?.label ?? footnoteId, text: footnote?.text ?? '' };
    }),
  };
}

/** Wraps any AnswerService (the real chain, or a fake in tests) with the corpus it answers from. */
export function createServiceTarget(service: AnswerService, corpus: CorpusStore, models: Record<string, string> = {}): EvaluationTarget {
  return {
    mode: 'in-process',
    url: null,
    models,
    answer: (messages) => service.answer({ messages }),
    getUnit: async (id) => unitViewFromCorpus(corpus, id),
  };
}
