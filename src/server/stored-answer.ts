import type { Answer, AnswerEvent, ChatMessage, Citation, SourceReference } from '../answer/answer-types.js';
import type { StoredAnswer } from '../storage/answer-repository.js';

export function toStoredAnswer(
  answer: Answer,
  context: { messages: readonly ChatMessage[]; channel: StoredAnswer['channel']; createdAt: Date; conversationId?: string | undefined },
): StoredAnswer {
  const history = context.messages.slice(0, -1).map(({ role, content }) => ({ role, content }));
  return {
    answerId: answer.answerId,
    createdAt: context.createdAt.toISOString(),
    ...(context.conversationId ? { conversationId: context.conversationId } : {}),
    channel: context.channel,
    question: context.messages.at(-1)?.content ?? '',
    history,
    answer: answer.answer,
    citations: answer.citations,
    sources: answer.sources,
    abstained: answer.abstained,
    answerer: answer.answerer,
    fallback: answer.fallback ?? false,
    timings: answer.timings,
    ...(answer.query ? { query: answer.query } : {}),
  };
}

/** Rebuilds the answer object from its stream events, so streamed answers are logged like the others. */
export class AnswerAccumulator {
  private text = '';
  private citations: Citation[] = [];
  private sources: SourceReference[] = [];

  add(event: AnswerEvent): Answer | undefined {
    switch (event.type) {
      case 'sources':
        this.sources = event.sources;
        return undefined;
      case 'text-delta':
        this.text += event.delta;
        return undefined;
      case 'citations':
        this.citations = event.citations;
        return undefined;
      case 'answer-end':
        return {
          answerId: event.answerId,
          answer: this.text,
          citations: this.citations,
          abstained: event.abstained,
          sources: this.sources,
          timings: event.timings,
          answerer: event.answerer,
          ...(event.fallback !== undefined ? { fallback: event.fallback } : {}),
        };
      case 'error':
        return undefined;
    }
  }

  get citationsSoFar(): Citation[] {
    return this.citations;
  }
}
