import type { RetrievalFilters } from '../retrieval/retrieval-types.js';

export type ChatRole = 'user' | 'assistant' | 'system';

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

export interface Citation {
  /** Canonical unit id, e.g. `A/RES/76/172:OP5(b)`. */
  id: string;
  label: string;
  /** The words of the unit that support the answer. */
  quote: string;
  /** Official document link. */
  url: string;
}

export interface SourceReference {
  id: string;
  label: string;
  score: number;
}

export type AnswererName = 'extractive' | 'llm';

/** The one answer object every caller (server, widget, eval) receives. */
export interface Answer {
  answerId: string;
  answer: string;
  citations: Citation[];
  abstained: boolean;
  sources: SourceReference[];
  /** Milliseconds per stage, e.g. `{ rewrite, retrieval, compose, total }`. */
  timings: Record<string, number>;
  answerer: AnswererName;
  /** True when the LLM path failed and the extractive answer was served instead. */
  fallback?: boolean;
  /** The standalone query actually searched (after follow-up rewriting). */
  query?: string;
}

export interface AnswerRequest {
  /** The conversation, last message being the user's question. */
  messages: ChatMessage[];
  filters?: RetrievalFilters;
  signal?: AbortSignal;
}

/** Stream events: one union, noun-then-verb names, serialised in one place (server). */
export type AnswerEvent =
  | { type: 'sources'; sources: SourceReference[] }
  | { type: 'text-delta'; delta: string }
  | { type: 'citations'; citations: Citation[] }
  | {
      type: 'answer-end';
      answerId: string;
      abstained: boolean;
      timings: Record<string, number>;
      answerer: AnswererName;
      fallback?: boolean;
    }
  | { type: 'error'; code: string; message: string };

export interface AnswerService {
  answer(request: AnswerRequest): Promise<Answer>;
  /** Yields sources, text deltas, citations, then answer-end (or error). */
  stream(request: AnswerRequest): AsyncIterable<AnswerEvent>;
}
