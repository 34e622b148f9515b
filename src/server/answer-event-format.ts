import type { AnswerEvent } from '../answer/answer-types.js';

/** The one place AnswerEvents become Server-Sent Events: `event: <type>` and the event as JSON data. */
export function formatAnswerEvent(event: AnswerEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** OpenAI-style streams carry unnamed events: `data: <chunk>` lines, ended by `data: [DONE]`. */
export function formatOpenAiData(payload: unknown): string {
  return `data: ${payload === '[DONE]' ? '[DONE]' : JSON.stringify(payload)}\n\n`;
}
