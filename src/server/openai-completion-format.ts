import type { Answer, Citation } from '../answer/answer-types.js';

export const modelId = 'verbatim';

/**
 * OpenAI clients show only `content`, so the citations must survive inside the text: any cited label
 * the answer does not already carry inline is appended as "[label; label]".
 */
export function missingCitationLabels(text: string, citations: readonly Citation[]): string {
  const missing = [...new Set(citations.map((citation) => citation.label))].filter((label) => !text.includes(label));
  if (missing.length === 0) return '';
  return `${/\s$/.test(text) || text.length === 0 ? '' : ' '}[${missing.join('; ')}]`;
}

/** A rough count (words and punctuation); Verbatim has no tokenizer and clients only display it. */
export function approximateTokens(text: string): number {
  return text.match(/\w+|[^\s\w]/g)?.length ?? 0;
}

export function toChatCompletion(answer: Answer, options: { id: string; created: number; promptText: string }) {
  const content = answer.answer + missingCitationLabels(answer.answer, answer.citations);
  const promptTokens = approximateTokens(options.promptText);
  const completionTokens = approximateTokens(content);
  return {
    id: options.id,
    object: 'chat.completion' as const,
    created: options.created,
    model: modelId,
    choices: [
      {
        index: 0,
        message: { role: 'assistant' as const, content, refusal: null, citations: answer.citations },
        finish_reason: 'stop' as const,
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    citations: answer.citations,
    verbatim: { answerId: answer.answerId, abstained: answer.abstained, sources: answer.sources, timings: answer.timings },
  };
}

export function toChunk(options: { id: string; created: number }, delta: Record<string, unknown>, finishReason: 'stop' | null, extra: Record<string, unknown> = {}) {
  return {
    id: options.id,
    object: 'chat.completion.chunk' as const,
    created: options.created,
    model: modelId,
    choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }],
    ...extra,
  };
}
