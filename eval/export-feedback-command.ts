import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config.js';
import { createAnswerRepository } from '../src/storage/create-answer-repository.js';
import { toGoldenSetJsonl } from '../src/storage/golden-set-candidates.js';

/**
 * `npm run export-feedback -- --out FILE`: logged answers that got feedback, as golden-set JSONL
 * candidates (thumbs-up → expected citations; thumbs-down → marked for review). Reads the same store
 * as the server (DATABASE_URL, else the SQLite file under DATA_DIR).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help || !values.out) {
    process.stderr.write('Usage: npm run export-feedback -- --out FILE.jsonl\n');
    process.exit(values.help ? 0 : 2);
  }
  const config = loadConfig();
  const repository = await createAnswerRepository(config);
  try {
    const records = await repository.listAnswersWithFeedback();
    await writeFile(values.out, toGoldenSetJsonl(records), 'utf8');
    const approved = records.filter((record) => record.feedback.at(-1)?.rating === 'up').length;
    process.stdout.write(`Wrote ${records.length} candidates to ${values.out} (${approved} thumbs-up, ${records.length - approved} to review).\n`);
  } finally {
    await repository.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `export-feedback failed: ${String(error)}`}\n`);
  process.exit(2);
});
