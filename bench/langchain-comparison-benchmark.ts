import { createAnswerService } from '../src/answer/create-answer-service.js';
import { loadConfig } from '../src/config.js';
import { listCorpusFiles } from '../src/corpus/list-corpus-files.js';
import { ensureSearchIndex } from '../src/retrieval/ensure-search-index.js';
import { createLocalEmbedder } from '../src/retrieval/local-embedder.js';
import { citationPrecision, citationRecall } from '../eval/citation-metrics.js';
import { isAnswerable, loadGoldenSet, type GoldenItem } from '../eval/golden-item.js';
import { keyFactRecall } from '../eval/key-fact-match.js';
import { recallAtK, reciprocalRankAtK } from '../eval/retrieval-metrics.js';
import { goalLine, writeBenchmarkResults } from './support/benchmark-results.js';
import { readFlag } from './support/command-flags.js';
import { createLangChainDefaultPipeline } from './support/langchain-default-pipeline.js';
import { markdownTable } from './support/markdown-table.js';
import { formatMilliseconds, summarizeTimings } from './support/timing-statistics.js';

/**
 * Verbatim vs the LangChain default pipeline on the public golden set, same machine, same run, same
 * encoder (no query cache on either side), questions interleaved so load affects both alike.
 *   npm run bench -- langchain-comparison [--golden eval/golden.jsonl]
 */
interface Scores {
  recallAt5: number[];
  mrrAt10: number[];
  citationPrecision: number[];
  citationRecall: number[];
  keyFacts: number[];
  abstainedCorrectly: number[];
  milliseconds: number[];
}

const emptyScores = (): Scores => ({ recallAt5: [], mrrAt10: [], citationPrecision: [], citationRecall: [], keyFacts: [], abstainedCorrectly: [], milliseconds: [] });
const push = (list: number[], value: number | undefined) => {
  if (value !== undefined) list.push(value);
};
const mean = (values: readonly number[]) => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : Number.NaN);

function score(scores: Scores, item: GoldenItem, ranked: string[], cited: string[], text: string, abstained: boolean): void {
  const judgement = { expected: item.expected_citations, acceptable: item.acceptable_citations ?? [] };
  if (isAnswerable(item)) {
    push(scores.recallAt5, recallAtK(ranked, judgement, 5));
    push(scores.mrrAt10, reciprocalRankAtK(ranked, judgement, 10));
    push(scores.citationPrecision, citationPrecision(cited, judgement) ?? 0);
    push(scores.citationRecall, citationRecall(cited, judgement));
    push(scores.keyFacts, keyFactRecall(text, item.key_facts));
  } else scores.abstainedCorrectly.push(abstained ? 1 : 0);
}

export async function runBenchmark(parameters: string[]): Promise<void> {
  const goldenFile = readFlag(parameters, 'golden') ?? 'eval/golden.jsonl';
  const golden = await loadGoldenSet(goldenFile);
  const config = loadConfig({ INDEX_DIR: 'data/bench/bundled-index', CORPUS_DIR: 'corpus', LOG_LEVEL: 'silent' });
  const embedder = await createLocalEmbedder();
  const index = await ensureSearchIndex(config, embedder);
  const verbatim = createAnswerService({ index, embedder, config });
  const files = await listCorpusFiles([config.CORPUS_DIR]);
  const langchain = await createLangChainDefaultPipeline(files, embedder, index.corpus);
  const ours = emptyScores();
  const theirs = emptyScores();
  // Warm both (tfjs kernels, hnswlib pages).
  await verbatim.answer({ messages: [{ role: 'user', content: 'warm up' }] });
  await langchain.answer('warm up');
  for (const item of golden) {
    const messages = [...(item.history ?? []), { role: 'user' as const, content: item.question }];
    let started = performance.now();
    const answer = await verbatim.answer({ messages });
    ours.milliseconds.push(performance.now() - started);
    score(ours, item, answer.sources.map((source) => source.id), answer.citations.map((citation) => citation.id), answer.answer, answer.abstained);
    started = performance.now();
    const extract = await langchain.answer(item.question);
    theirs.milliseconds.push(performance.now() - started);
    score(theirs, item, extract.ranked, extract.cited, extract.answer, false);
  }
  const ourLatency = summarizeTimings(ours.milliseconds);
  const theirLatency = summarizeTimings(theirs.milliseconds);
  const metrics: Array<[string, keyof Scores]> = [
    ['retrieval recall@5', 'recallAt5'],
    ['retrieval MRR@10', 'mrrAt10'],
    ['citation precision', 'citationPrecision'],
    ['citation recall', 'citationRecall'],
    ['key-fact recall', 'keyFacts'],
    ['unanswerable questions abstained', 'abstainedCorrectly'],
  ];
  const rows = metrics.map(([name, key]) => {
    const a = mean(ours[key]);
    const b = mean(theirs[key]);
    return [name, a.toFixed(3), b.toFixed(3), b > 0 ? (a / b).toFixed(2) : a > 0 ? '∞' : 'n/a'];
  });
  rows.push(['answer latency p50 (ms)', formatMilliseconds(ourLatency.median), formatMilliseconds(theirLatency.median), (theirLatency.median / ourLatency.median).toFixed(2) + '× (speed-up)']);
  rows.push(['answer latency p99 (ms)', formatMilliseconds(ourLatency.p99), formatMilliseconds(theirLatency.p99), (theirLatency.p99 / ourLatency.p99).toFixed(2) + '× (speed-up)']);
  const table = markdownTable(['metric', 'Verbatim', 'LangChain default', 'ratio'], rows);
  const better = metrics.filter(([, key]) => mean(ours[key]) > mean(theirs[key])).map(([name]) => name);
  const speedup = theirLatency.median / ourLatency.median;
  const goals = [
    goalLine('better on every accuracy metric', better.length === metrics.length, `better on ${better.length}/${metrics.length}${better.length < metrics.length ? ` (not better: ${metrics.filter(([name]) => !better.includes(name)).map(([name]) => name).join(', ')})` : ''}`),
    goalLine('≥ 2× faster per answer', speedup >= 2, `${speedup.toFixed(2)}× (p50 ${formatMilliseconds(ourLatency.median)} vs ${formatMilliseconds(theirLatency.median)} ms)`, speedup < 2 ? 'The baseline does one encoder call and one hnsw search; Verbatim also runs BM25, fusion, reranking and extractive composition, so its floor is the same encoder call.' : ''),
  ];
  const markdown = [
    `Command: \`npm run bench -- langchain-comparison --golden ${goldenFile}\``,
    '',
    `${golden.length} golden items (${golden.filter(isAnswerable).length} answerable), both pipelines over the bundled corpus with the bundled encoder and no query cache, interleaved question by question in one process. LangChain default: RecursiveCharacterTextSplitter (chunk 1000, overlap 200) on the raw files → ${langchain.chunks} chunks, HNSWLib (@langchain/community) with its default ef, top-4 similarity search; its answer is the best chunk's text and its citations the paragraphs that chunk contains (chunks carry no ids; mapped by the paragraphs' opening or closing 60 characters). Metric functions from eval/ (recallAtK, reciprocalRankAtK, citationPrecision, citationRecall, keyFactRecall).`,
    '',
    table,
    '',
    '## Goals (issue 7)',
    '',
    ...goals,
  ].join('\n');
  const { markdownFile } = await writeBenchmarkResults({ name: 'langchain-comparison', title: 'Verbatim vs the LangChain default pipeline', markdown, data: { golden: goldenFile, items: golden.length, verbatim: { latency: ourLatency, ...Object.fromEntries(metrics.map(([, key]) => [key, mean(ours[key])])) }, langchain: { latency: theirLatency, chunks: langchain.chunks, ...Object.fromEntries(metrics.map(([, key]) => [key, mean(theirs[key])])) } } });
  console.log(table);
  console.log(goals.join('\n'));
  console.log(`wrote ${markdownFile}`);
}
