import { z } from 'zod';
import type { ChatMessage } from '../answer/answer-types.js';

export const maxMessageCharacters = 2_000;
export const maxMessages = 20;

export const chatMessageSchema = z.object({
  role: z.enum(['user', 'assistant', 'system']),
  content: z.string().trim().min(1, 'must not be empty').max(maxMessageCharacters, `must be at most ${maxMessageCharacters} characters`),
});

export const filtersSchema = z
  .object({
    symbols: z.array(z.string().trim().min(1).max(64)).max(20).optional(),
    years: z.array(z.number().int().min(1945).max(2100)).max(20).optional(),
  })
  .optional();

export function endsWithUserQuestion(messages: readonly ChatMessage[]): boolean {
  return messages.at(-1)?.role === 'user';
}

export const conversationSchema = z
  .array(chatMessageSchema)
  .min(1, 'must hold at least the question')
  .max(maxMessages, `must hold at most ${maxMessages} messages (history turns)`)
  .refine(endsWithUserQuestion, 'must end with a user message (the question)');

/** Body of `POST /api/chat`. */
export const chatRequestSchema = z.object({
  messages: conversationSchema,
  stream: z.boolean().default(true),
  filters: filtersSchema,
  conversationId: z.string().trim().min(1).max(100).optional(),
});

export type ChatRequestBody = z.output<typeof chatRequestSchema>;
