import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createRateLimiterFromConfig, type RequestRateLimiter } from '../../src/server/request-rate-limiter.js';
import type { RunningServer } from '../../src/server/start-server.js';
import type { AnswerRepository } from '../../src/storage/answer-repository.js';
import { openPostgresAnswerRepository } from '../../src/storage/postgres-answer-repository.js';
import { testDatabase, testRedis } from '../storage/test-services.js';
import { buildTestApp, listenOnFreePort, postJson, question } from './server-test-kit.js';

const database = testDatabase();
const redis = testRedis();
const schema = `multi_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
const cleanups: Array<() => Promise<void>> = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  if (!database.url) return;
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
});

interface Instance {
  url: string;
  repository: AnswerRepository;
}

/** One replica: its own process-level objects, sharing only PostgreSQL and Redis with the others. */
async function startInstance(keyPrefix: string, perMinute: number): Promise<Instance> {
  const repository = await openPostgresAnswerRepository({ connectionString: database.url!, schema });
  const rateLimiter: RequestRateLimiter = await createRateLimiterFromConfig(
    { REDIS_URL: redis.url, RATE_LIMIT_PER_MINUTE: perMinute, RATE_LIMIT_PER_KEY_PER_MINUTE: 600 },
    keyPrefix,
  );
  const test = buildTestApp({ repository, rateLimiter, environment: { RATE_LIMIT_PER_MINUTE: String(perMinute) } });
  const server: RunningServer = await listenOnFreePort(test.app);
  cleanups.push(async () => {
    server.server.closeAllConnections();
    await server.close();
    await repository.close();
    await rateLimiter.close();
  });
  return { url: server.url, repository };
}

describe.skipIf(!database.url || !redis.url)('two instances on one PostgreSQL and one Redis', () => {
  it('should share one rate limit: requests to A and B count together', async () => {
    const keyPrefix = `test-${randomUUID()}`;
    const [a, b] = await Promise.all([startInstance(keyPrefix, 4), startInstance(keyPrefix, 4)]);
    const statuses: string[] = [];
    for (const [name, instance] of [['A', a], ['B', b], ['A', a], ['B', b], ['A', a], ['B', b]] as const) {
      const response = await postJson(`${instance!.url}/api/chat`, { ...question, stream: false });
      statuses.push(`${name}:${response.status}`);
      if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      await response.arrayBuffer();
    }
    // Each instance alone would allow 4; together they allow 4 in all.
    expect(statuses).toEqual(['A:200', 'B:200', 'A:200', 'B:200', 'A:429', 'B:429']);
  });

  it('should share answers and feedback: answered via A, rated via B, visible to both', async () => {
    const keyPrefix = `test-${randomUUID()}`;
    const [a, b] = await Promise.all([startInstance(keyPrefix, 100), startInstance(keyPrefix, 100)]);
    const answered = await postJson(`${a!.url}/api/chat`, { ...question, stream: false });
    const { answerId } = (await answered.json()) as { answerId: string };
    const rated = await postJson(`${b!.url}/api/feedback`, { answerId, rating: 'up', comment: 'Right paragraph' });
    expect(rated.status).toBe(201);
    for (const instance of [a!, b!]) {
      const listed = await instance.repository.listAnswersWithFeedback();
      const entry = listed.find((candidate) => candidate.answer.answerId === answerId);
      expect(entry?.feedback.map((feedback) => [feedback.rating, feedback.comment])).toEqual([['up', 'Right paragraph']]);
    }
    expect((await postJson(`${a!.url}/api/feedback`, { answerId: `${answerId}-unknown`, rating: 'down' })).status).toBe(404);
  });
});
