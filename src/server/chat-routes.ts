import { Hono } from 'hono';
import type { AppEnv, ServerServices } from './app-dependencies.js';
import { formatAnswerEvent } from './answer-event-format.js';
import { answerOnce, streamAnswerResponse } from './answer-runner.js';
import { chatRequestSchema } from './chat-request-schema.js';
import { publicErrors } from './public-error.js';
import { readJsonBody } from './read-json-body.js';

/** `POST /api/chat`: SSE events sources → text-delta… → citations → answer-end (or error), or JSON. */
export function createChatRoutes(services: ServerServices): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.post('/api/chat', async (c) => {
    const body = await readJsonBody(c, chatRequestSchema);
    const run = { messages: body.messages, filters: body.filters, conversationId: body.conversationId, channel: 'chat' as const, requestId: c.get('requestId') };
    if (!body.stream) return c.json(await answerOnce(c, services, run));
    return streamAnswerResponse(c, services, run, {
      onEvent: (event, write) => write(formatAnswerEvent(event)),
      onEnd: (answer, write) =>
        write(
          formatAnswerEvent({
            type: 'answer-end',
            answerId: answer.answerId,
            abstained: answer.abstained,
            timings: answer.timings,
            answerer: answer.answerer,
            ...(answer.fallback !== undefined ? { fallback: answer.fallback } : {}),
          }),
        ),
      onError: (code, write) => write(formatAnswerEvent({ type: 'error', code, message: publicErrors[code].message })),
    });
  });
  return routes;
}
