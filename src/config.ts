import { z } from 'zod';

/**
 * The only place that reads the environment. Everything else receives a `Config`.
 * Each variable is documented in the README's configuration table; keep the two in step.
 */

const commaList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );

const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1');

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('0.0.0.0'),
  /** Folder of the bundled corpus that `npm start` ingests when no index exists. */
  CORPUS_DIR: z.string().default('corpus'),
  INDEX_DIR: z.string().default('data/index'),
  DATA_DIR: z.string().default('data'),
  /** PostgreSQL connection string; when unset, answers and feedback go to SQLite under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  SQLITE_PATH: z.string().optional(),
  /** Redis for rate limits shared across replicas; in-memory limits when unset. */
  REDIS_URL: z.string().url().optional(),
  ALLOWED_ORIGINS: commaList,
  /** Public, origin-bound widget keys: `key=https://origin.example,key2=https://other.example`. */
  WIDGET_KEYS: commaList,
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(30),
  RATE_LIMIT_PER_KEY_PER_MINUTE: z.coerce.number().int().positive().default(600),
  REQUEST_DEADLINE_MS: z.coerce.number().int().positive().default(30_000),
  /**
   * Answers computed at once; unset: 2 for the extractive answerer (CPU-bound, one event loop) and 16
   * for the LLM (mostly waiting on the upstream). Further answers wait in line.
   */
  MAX_CONCURRENT_ANSWERS: z.coerce.number().int().positive().optional(),
  /** Answers that may wait for a turn; beyond it, 503 with Retry-After. */
  MAX_QUEUED_ANSWERS: z.coerce.number().int().min(0).default(32),
  /** Refuse (503) when the expected wait in line (place × recent median answer time) exceeds this. */
  MAX_QUEUE_WAIT_MS: z.coerce.number().int().positive().default(2_000),
  /** On SIGTERM/SIGINT, how long open answer streams may finish before they are cut short. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  ANSWERER: z.enum(['extractive', 'llm']).default('extractive'),
  /** OpenAI-compatible chat endpoint (OpenAI, Azure, Ollama, vLLM, llama.cpp server). */
  LLM_BASE_URL: z.string().url().optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_MODEL: z.string().default('gpt-4o-mini'),
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(8_000),
  LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(2).default(2),
  EMBEDDINGS: z.enum(['local', 'openai']).default('local'),
  EMBEDDINGS_BASE_URL: z.string().url().optional(),
  EMBEDDINGS_API_KEY: z.string().optional(),
  EMBEDDINGS_MODEL: z.string().default('text-embedding-3-small'),
  /** Worker threads used to embed at ingest; 0 means one per core. */
  EMBEDDING_WORKERS: z.coerce.number().int().min(0).default(0),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  TRUST_PROXY: booleanFlag,
});

export type Config = Omit<z.output<typeof configSchema>, 'MAX_CONCURRENT_ANSWERS'> & { MAX_CONCURRENT_ANSWERS: number };

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses an environment (defaults to `process.env`) and fails fast with a fix-it message. */
export function loadConfig(environment: Record<string, string | undefined> = process.env): Config {
  const result = configSchema.safeParse(environment);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `  ${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(environment[String(issue.path[0])])})`)
      .join('\n');
    throw new ConfigError(`Invalid configuration:\n${problems}\nFix the variables above (see README, "Configuration").`);
  }
  const config: Config = { ...result.data, MAX_CONCURRENT_ANSWERS: result.data.MAX_CONCURRENT_ANSWERS ?? (result.data.ANSWERER === 'llm' ? 16 : 2) };
  if (config.ANSWERER === 'llm' && !config.LLM_BASE_URL) {
    throw new ConfigError('ANSWERER=llm needs LLM_BASE_URL (an OpenAI-compatible base URL such as http://localhost:11434/v1).');
  }
  if (config.EMBEDDINGS === 'openai' && !config.EMBEDDINGS_BASE_URL) {
    throw new ConfigError('EMBEDDINGS=openai needs EMBEDDINGS_BASE_URL (an OpenAI-compatible base URL).');
  }
  return config;
}
