import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, ServerServices } from './app-dependencies.js';
import { describeError } from './json-logger.js';
import { PublicError } from './public-error.js';
import { readJsonBody } from './read-json-body.js';

const feedbackSchema = z.object({
  answerId: z.string().trim().min(1).max(100),
  rating: z.enum(['up', 'down']),
  comment: z.string().trim().max(2_000, 'must be at most 2000 characters').optional(),
});

/** `POST /api/feedback`: a thumbs up or down (and a comment) on a logged answer. */
export function createFeedbackRoutes(services: ServerServices): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.post('/api/feedback', async (c) => {
    const body = await readJsonBody(c, feedbackSchema);
    const feedbackId = services.createId();
    let saved: boolean;
    try {
      saved = await services.repository.saveFeedback({
        feedbackId,
        answerId: body.answerId,
        rating: body.rating,
        ...(body.comment ? { comment: body.comment } : {}),
        createdAt: services.clock().toISOString(),
      });
    } catch (error) {
      services.logger.error('feedback not stored', describeError(error));
      throw new PublicError('storage-unavailable', undefined, 5);
    }
    if (!saved) throw new PublicError('answer-not-found', [`no answer ${JSON.stringify(body.answerId)}`]);
    return c.json({ feedbackId, answerId: body.answerId, rating: body.rating }, 201);
  });
  return routes;
}
