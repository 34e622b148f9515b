import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresAnswerRepository } from '../../src/storage/postgres-answer-repository.js';
import { describeAnswerRepositoryContract, sampleAnswer } from './answer-repository-contract.js';
import { testDatabase } from './test-services.js';

const database = testDatabase();
const schemas: string[] = [];

function freshSchema(): string {
  const schema = `test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  schemas.push(schema);
  return schema;
}

afterAll(async () => {
  if (!database.url || schemas.length === 0) return;
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
});

describe.skipIf(!database.url)('postgresAnswerRepository', () => {
  describeAnswerRepositoryContract(() => openPostgresAnswerRepository({ connectionString: database.url!, schema: freshSchema() }));

  it('should create the schema safely when several instances open it at once, and share records', async () => {
    const schema = freshSchema();
    const replicas = await Promise.all([1, 2, 3].map(() => openPostgresAnswerRepository({ connectionString: database.url!, schema })));
    const answer = sampleAnswer();
    await replicas[0]!.saveAnswer(answer);
    expect(await replicas[2]!.saveFeedback({ feedbackId: randomUUID(), answerId: answer.answerId, rating: 'up', createdAt: new Date().toISOString() })).toBe(true);
    expect((await replicas[1]!.listAnswersWithFeedback()).map((entry) => entry.answer.answerId)).toEqual([answer.answerId]);
    await Promise.all(replicas.map((replica) => replica.close()));
  });

  it('should refuse an unsafe schema name', async () => {
    await expect(openPostgresAnswerRepository({ connectionString: database.url!, schema: 'x; DROP TABLE answers' })).rejects.toThrow(/schema name/);
  });
});
