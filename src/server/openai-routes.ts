import { Hono } from 'hono';
import { z } from 'zod';
import type { ChatMessage } from '../answer/answer-types.js';
import type { AppEnv, ServerServices } from './app-dependencies.js';
import { formatOpenAiData } from './answer-event-format.js';
import { answerOnce, streamAnswerResponse } from './answer-runner.js';
import { conversationSchema } from './chat-request-schema.js';
import { approximateTokens, missingCitationLabels, modelId, toChatCompletion, toChunk } from './openai-completion-format.js';
import { PublicError, publicErrorBody } from './public-error.js';
import { readJsonBody } from './read-json-body.js';

const contentPartSchema = z.object({ type: z.literal('text'), text: z.string() });

/** OpenAI's request shape; unknown sampling options (temperature, …) are accepted and ignored. */
const completionRequestSchema = z.object({
  model: z.string().min(1),
  messages: z
    .array(
      z.object({
        role: z.enum(['system', 'developer', 'user', 'assistant']),
        content: z.union([z.string(), z.array(contentPartSchema)]),
      }),
    )
    .min(1),
  stream: z.boolean().nullish(),
});

function toConversation(messages: z.output<typeof completionRequestSchema>['messages']): ChatMessage[] {
  const conversation = messages.map((message) => ({
    role: message.role === 'developer' ? 'system' : message.role,
    content: typeof message.content === 'string' ? message.content : message.content.map((part) => part.text).join('\n'),
  }));
  const checked = conversationSchema.safeParse(conversation);
  if (!checked.success) {
    throw new PublicError('invalid-request', checked.error.issues.slice(0, 10).map((issue) => `messages.${issue.path.join('.')}: ${issue.message}`.replace(/\.: /, ': ')));
  }
  return checked.data;
}

/** `POST /v1/chat/completions` and `GET /v1/models`, so any OpenAI client can use Verbatim as a model. */
export function createOpenAiRoutes(services: ServerServices): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/v1/models', (c) =>
    c.json({ object: 'list', data: [{ id: modelId, object: 'model', created: 1_700_000_000, owned_by: 'verbatim' }] }),
  );

  routes.post('/v1/chat/completions', async (c) => {
    const body = await readJsonBody(c, completionRequestSchema);
    if (body.model !== modelId) throw new PublicError('model-not-found');
    const messages = toConversation(body.messages);
    const run = { messages, channel: 'openai' as const, requestId: c.get('requestId') };
    const identity = { id: `chatcmpl-${services.createId()}`, created: Math.floor(services.clock().getTime() / 1000) };
    const promptText = messages.map((message) => message.content).join('\n');
    if (!body.stream) return c.json(toChatCompletion(await answerOnce(c, services, run), { ...identity, promptText }));

    let streamedText = '';
    return streamAnswerResponse(c, services, run, {
      async onEvent(event, write) {
        if (event.type === 'sources') await write(formatOpenAiData(toChunk(identity, { role: 'assistant', content: '' }, null)));
        if (event.type === 'text-delta') {
          streamedText += event.delta;
          await write(formatOpenAiData(toChunk(identity, { content: event.delta }, null)));
        }
      },
      async onEnd(answer, write) {
        const labels = missingCitationLabels(streamedText, answer.citations);
        if (labels) await write(formatOpenAiData(toChunk(identity, { content: labels }, null)));
        const completionTokens = approximateTokens(streamedText + labels);
        const promptTokens = approximateTokens(promptText);
        await write(
          formatOpenAiData(
            toChunk(identity, {}, 'stop', {
              citations: answer.citations,
              usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
              verbatim: { answerId: answer.answerId, abstained: answer.abstained, sources: answer.sources, timings: answer.timings },
            }),
          ),
        );
        await write(formatOpenAiData('[DONE]'));
      },
      async onError(code, write) {
        await write(formatOpenAiData(publicErrorBody(code)));
        await write(formatOpenAiData('[DONE]'));
      },
    });
  });

  return routes;
}
