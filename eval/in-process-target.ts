import { createAnswerService } from '../src/answer/create-answer-service.js';
import type { Config } from '../src/config.js';
import { createEmbedder } from '../src/retrieval/create-embedder.js';
import { ensureSearchIndex } from '../src/retrieval/ensure-search-index.js';
import { createServiceTarget, type EvaluationTarget } from './evaluation-target.js';

/** The real chain, built the way the server builds it: config → embedder → index (ingested if missing) → answer service. */
export async function createInProcessTarget(config: Config, log: (line: string) => void = () => {}): Promise<EvaluationTarget> {
  const embedder = await createEmbedder(config);
  const index = await ensureSearchIndex(config, embedder, log);
  const service = createAnswerService({ index, embedder, config });
  const models: Record<string, string> = { embedder: embedder.modelId };
  if (config.ANSWERER === 'llm') models.llm = config.LLM_MODEL;
  return createServiceTarget(service, index.corpus, models);
}
