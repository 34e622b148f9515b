/**
 * What each retrieval ingredient adds, measured on the golden set with the real encoder and the
 * real on-disk index (ingested from corpus/ when missing): BM25 alone, dense alone, the two fusions,
 * query expansion (thesaurus, WordNet), spelling correction and the feature reranker.
 *
 *   npx tsx bench/retrieval-ablation.ts [--golden eval/golden.jsonl] [--out bench/results/retrieval-ablation.md]
 *
 * Items are every answerable golden item except lookups and metadata questions, which the answer
 * service resolves from the paragraph reference or the header without searching. Follow-ups are
 * first rewritten by the rule-based rewriter, as in the service.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { rewriteFollowUpByRules } from '../src/answer/follow-up-rewriter.js';
import { removeInstructions } from '../src/answer/instruction-filter.js';
import { loadConfig } from '../src/config.js';
import { createEmbedder } from '../src/retrieval/create-embedder.js';
import { ensureSearchIndex } from '../src/retrieval/ensure-search-index.js';
import { createFeatureReranker } from '../src/retrieval/feature-reranker.js';
import { createHybridRetriever, type HybridRetrieverOptions } from '../src/retrieval/hybrid-retriever.js';
import { analyzeQuery } from '../src/retrieval/query-analysis.js';
import { createQueryExpansion, loadDomainThesaurus, vocabularyOf } from '../src/retrieval/query-expansion.js';
import { createSpellingCorrector, wordsOf } from '../src/retrieval/spelling-correction.js';
import { createWordNetLookup } from '../src/retrieval/wordnet-synonyms.js';
import { parseGoldenSet } from '../eval/golden-item.js';
import { recallAtK, reciprocalRankAtK } from '../eval/retrieval-metrics.js';

const { values } = parseArgs({
  options: {
    golden: { type: 'string', default: 'eval/golden.jsonl' },
    out: { type: 'string', default: 'bench/results/retrieval-ablation.md' },
  },
});

const config = loadConfig();
const embedder = await createEmbedder(config);
const index = await ensureSearchIndex(config, embedder, (line) => console.error(line));
const items = parseGoldenSet(await readFile(values.golden!, 'utf8'), values.golden!).filter(
  (item) => item.expected_citations.length > 0 && item.type !== 'lookup' && item.type !== 'metadata',
);

const thesaurus = loadDomainThesaurus();
const wordNet = createWordNetLookup();
const chunkTexts = index.chunks.map((chunk) => chunk.text);
const vocabulary = vocabularyOf(chunkTexts);
const speller = createSpellingCorrector([...wordsOf(chunkTexts), ...wordsOf(Object.keys(thesaurus))], (word) => wordNet.isKnownWord(word));
const thesaurusOnly = createQueryExpansion({ thesaurus });
const thesaurusAndWordNet = createQueryExpansion({ thesaurus, wordNet, vocabulary });
const wordNetOnly = createQueryExpansion({ wordNet, vocabulary });
const reranker = createFeatureReranker(index.corpus);

const rrf = { method: 'reciprocal-rank', rankConstant: 60 } as const;

interface Variant {
  name: string;
  options: Omit<HybridRetrieverOptions, 'index' | 'embedder'>;
  spelling: boolean;
}

const variants: Variant[] = [
  { name: 'BM25 alone', options: { sources: { lexical: true, dense: false } }, spelling: false },
  { name: 'dense alone', options: { sources: { lexical: false, dense: true } }, spelling: false },
  { name: 'fusion: reciprocal rank (k=60)', options: { fusion: { method: 'reciprocal-rank', rankConstant: 60 } }, spelling: false },
  { name: 'fusion: weighted score (dense 0.5)', options: { fusion: { method: 'weighted-score', denseWeight: 0.5 } }, spelling: false },
  { name: 'fusion: weighted score (dense 0.3)', options: { fusion: { method: 'weighted-score', denseWeight: 0.3 } }, spelling: false },
  { name: 'RRF + thesaurus expansion', options: { expansion: thesaurusOnly, fusion: rrf }, spelling: false },
  { name: 'RRF + thesaurus + WordNet', options: { expansion: thesaurusAndWordNet, fusion: rrf }, spelling: false },
  { name: 'RRF + thesaurus + WordNet + spelling', options: { expansion: thesaurusAndWordNet, fusion: rrf }, spelling: true },
  {
    name: 'RRF + expansion + spelling + feature rerank',
    options: { expansion: thesaurusAndWordNet, reranker, fusion: { method: 'reciprocal-rank', rankConstant: 60 } },
    spelling: true,
  },
  {
    name: 'weighted (0.5) + expansion + spelling + feature rerank (default)',
    options: { expansion: thesaurusAndWordNet, reranker, fusion: { method: 'weighted-score', denseWeight: 0.5 } },
    spelling: true,
  },
  {
    name: 'weighted (0.3) + expansion + spelling + feature rerank',
    options: { expansion: thesaurusAndWordNet, reranker, fusion: { method: 'weighted-score', denseWeight: 0.3 } },
    spelling: true,
  },
  { name: 'RRF + feature rerank, no expansion', options: { reranker, fusion: { method: 'reciprocal-rank', rankConstant: 60 } }, spelling: true },
  {
    name: 'weighted (0.5) + WordNet only (no thesaurus) + spelling + feature rerank',
    options: { expansion: wordNetOnly, reranker, fusion: { method: 'weighted-score', denseWeight: 0.5 } },
    spelling: true,
  },
];

const median = (values: number[]) => {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

const hard = new Set(['paraphrase', 'typo']);
const rows: string[] = [];
for (const variant of variants) {
  const retriever = createHybridRetriever({ index, embedder, ...variant.options });
  const totals = { r1: 0, r5: 0, r10: 0, mrr: 0, hardR5: 0, hardCount: 0 };
  const times: number[] = [];
  for (const item of items) {
    const messages = [...(item.history ?? []), { role: 'user' as const, content: item.question }];
    let query = removeInstructions(rewriteFollowUpByRules(messages).query).text;
    if (variant.spelling) query = speller.correct(query).text;
    const analysis = analyzeQuery(query, index.corpus);
    const started = performance.now();
    const hits = await retriever.retrieve({ query: analysis.searchText, filters: analysis.filters, k: 10 });
    times.push(performance.now() - started);
    const ranked = hits.map((hit) => hit.unit.id);
    const judgement = { expected: item.expected_citations, acceptable: item.acceptable_citations ?? [] };
    totals.r1 += recallAtK(ranked, judgement, 1) ?? 0;
    totals.r5 += recallAtK(ranked, judgement, 5) ?? 0;
    totals.r10 += recallAtK(ranked, judgement, 10) ?? 0;
    totals.mrr += reciprocalRankAtK(ranked, judgement, 10) ?? 0;
    if (hard.has(item.type ?? '')) {
      totals.hardR5 += recallAtK(ranked, judgement, 5) ?? 0;
      totals.hardCount += 1;
    }
  }
  const count = items.length;
  const cell = (value: number) => value.toFixed(3);
  rows.push(
    `| ${variant.name} | ${cell(totals.r1 / count)} | ${cell(totals.r5 / count)} | ${cell(totals.r10 / count)} | ${cell(totals.mrr / count)} | ${totals.hardCount > 0 ? cell(totals.hardR5 / totals.hardCount) : '–'} | ${median(times).toFixed(1)} |`,
  );
  console.error(rows.at(-1));
}

const report = `# Retrieval ablation

Command: \`npx tsx bench/retrieval-ablation.ts\` (golden set \`${values.golden}\`, ${items.length} answerable items
excluding lookups and metadata questions, which are resolved without search; follow-ups rewritten by the rules first).
Index: the production on-disk index (${index.manifest.embedder.modelId}, hnswlib efSearch ${index.manifest.vector.efSearch}, ${index.chunks.length} chunks).
Measured ${new Date().toISOString().slice(0, 10)}; all variants side by side in one run.

Recall@k counts a unit as found when it is an expected id or an acceptable stand-in (the 2019 twin of a 2021
paragraph), as the eval harness does. "plain R@5" is recall@5 on the paraphrase and typo items only: plain
language and misspellings are what expansion and spelling correction are for. Latency is the median time of
\`retrieve()\` per query; query embeddings are cached after the first row that embeds them, so the column
compares the lexical, fusion and rerank work between rows, not the encoder (~18 ms per query, measured in bench/).

| variant | R@1 | R@5 | R@10 | MRR@10 | plain R@5 | median ms |
|---|---|---|---|---|---|---|
${rows.join('\n')}

Reading (written for the golden-set run of 2026-11-23, after the thesaurus was extended; re-check after changes):
- BM25 carries this corpus; the USE-lite encoder alone finds the paragraph in the top 5 for fewer than half the
  questions (long legal paragraphs, 512-dim lite model). Fused without a reranker, the weak dense list drags
  reciprocal-rank fusion below BM25; weighted fusion loses less, and more so with a lower dense weight.
- The feature reranker is the largest single gain (R@5 +0.14 over the same lists unreranked), and it is what lets the
  expansion terms count (expansion alone moves plain-language R@5 a little; with the reranker it reaches 0.95).
- WordNet adds next to nothing on this golden set beyond the domain thesaurus: it is kept because it costs
  nothing per query once loaded and covers plain words the thesaurus does not list (tested: "kids" → child).
  WordNet alone (no thesaurus) is the last row: the thesaurus of everyday ↔ formal migration vocabulary is what
  plain-language questions need, and it matters most on held-out sets written without reading the code.
- Spelling correction lifts the typo items (plain R@5 0.70 → 0.80 before rerank).
- Default: weighted-score fusion (dense 0.5) + thesaurus + WordNet + spelling + feature rerank. Dense 0.3 scores one
  item better at R@5, within noise for 90 items, so the untuned 0.5 stays.
- The eval harness's recall@5 (answer sources) is higher than these rows because the service lists the paragraphs
  it cites first and resolves named paragraphs and metadata without search.
`;
await writeFile(values.out!, report);
console.log(report);
