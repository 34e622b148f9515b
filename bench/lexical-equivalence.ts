import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { chunkDocument } from '../src/corpus/chunk-document.js';
import { parseResolutionFile } from '../src/corpus/parse-resolution-file.js';
import type { RetrievalChunk } from '../src/corpus/retrieval-chunk.js';
import { LexicalIndex } from '../src/retrieval/lexical-index.js';
import { normalizeSearchTerm } from '../src/retrieval/search-term.js';
import { SECURITY_COUNCIL_DIRECTORY } from './generate-scale-corpus.js';

/**
 * With `--index <dir>` it also runs on the chunks of a stored (scale) index with the benchmark
 * questions, timing both per query and their load (ours: read lexical.bin; MiniSearch: loadJS of its
 * own toJSON() in memory, i.e. without the file parsing it also needed).
 *
 * Side by side: the typed-array LexicalIndex against the MiniSearch configuration it replaced (same
 * fields, boosts, term processing, BM25+ defaults), on every question of the golden and held-out sets,
 * over the bundled corpus and over the 902 Security Council texts. Prints each difference in the top k.
 *   tsx bench/lexical-equivalence.ts [k=40]
 */
const k = Number(process.argv[2] ?? 40);
const indexFlag = process.argv.indexOf('--index');
const storedDirectory = indexFlag === -1 ? undefined : process.argv[indexFlag + 1];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const MINISEARCH_OPTIONS = {
  idField: 'id',
  fields: ['text', 'label'],
  storeFields: [],
  processTerm: (term: string) => normalizeSearchTerm(term) ?? null,
};

function miniSearchOver(chunks: readonly RetrievalChunk[], prebuilt?: MiniSearch<{ id: number; text: string; label: string }>) {
  const search = prebuilt ?? new MiniSearch<{ id: number; text: string; label: string }>(MINISEARCH_OPTIONS);
  if (!prebuilt) search.addAll(chunks.map((chunk, row) => ({ id: row, text: chunk.text, label: chunk.metadata.label })));
  return (query: string) => {
    const results = search.search(query, { combineWith: 'OR', prefix: false, fuzzy: false, weights: { fuzzy: 0.2, prefix: 0 }, boost: { text: 1, label: 0.5 } });
    const hits: Array<{ unitId: string; score: number }> = [];
    const seen = new Set<string>();
    for (const result of results) {
      const unitId = chunks[result.id as number]!.unitId;
      if (seen.has(unitId)) continue;
      seen.add(unitId);
      hits.push({ unitId, score: result.score });
      if (hits.length >= k) break;
    }
    return hits;
  };
}

async function questions(): Promise<string[]> {
  const files = (await readdir('eval')).filter((file) => file.endsWith('.jsonl'));
  const all: string[] = [];
  for (const file of files) {
    for (const line of (await readFile(join('eval', file), 'utf8')).split('\n')) {
      if (line.trim()) all.push((JSON.parse(line) as { question: string }).question);
    }
  }
  return all;
}

async function compare(name: string, paths: string[], queries: string[]): Promise<void> {
  const chunks: RetrievalChunk[] = [];
  for (const path of paths) {
    try {
      chunks.push(...chunkDocument(await parseResolutionFile(path)));
    } catch {
      // Texts the parser refuses are left out of both indexes alike.
    }
  }
  let started = performance.now();
  const reference = miniSearchOver(chunks);
  const referenceBuild = performance.now() - started;
  started = performance.now();
  const ours = LexicalIndex.build(chunks);
  const oursBuild = performance.now() - started;
  let identicalOrder = 0;
  let sameSet = 0;
  let maxScoreGap = 0;
  const timings = { reference: 0, ours: 0 };
  for (const query of queries) {
    let begun = performance.now();
    const expected = reference(query);
    timings.reference += performance.now() - begun;
    begun = performance.now();
    const actual = ours.searchUnits(query, k);
    timings.ours += performance.now() - begun;
    const expectedIds = expected.map((hit) => hit.unitId);
    const actualIds = actual.map((hit) => hit.unitId);
    expected.forEach((hit, position) => {
      if (actual[position]?.unitId === hit.unitId) maxScoreGap = Math.max(maxScoreGap, Math.abs(actual[position]!.score - hit.score) / hit.score);
    });
    if (expectedIds.join() === actualIds.join()) identicalOrder += 1;
    else {
      const setEqual = expectedIds.length === actualIds.length && expectedIds.every((id) => actualIds.includes(id));
      if (setEqual) sameSet += 1;
      const first = expectedIds.findIndex((id, position) => actualIds[position] !== id);
      console.log(`  differs (${setEqual ? 'same set, order' : 'different set'}) from rank ${first + 1}: "${query}"`);
      console.log(`    MiniSearch: ${expected.slice(first, first + 3).map((hit) => `${hit.unitId} ${hit.score.toFixed(6)}`).join(', ')}`);
      console.log(`    ours:       ${actual.slice(first, first + 3).map((hit) => `${hit.unitId} ${hit.score.toFixed(6)}`).join(', ')}`);
    }
  }
  console.log(`${name}: ${chunks.length} chunks, ${queries.length} questions, top ${k}: ${identicalOrder} identical, ${sameSet} same units in another order, ${queries.length - identicalOrder - sameSet} other; largest relative score gap on matching ranks ${maxScoreGap.toExponential(1)}`);
  console.log(`  build ms: MiniSearch ${referenceBuild.toFixed(0)}, ours ${oursBuild.toFixed(0)}; query ms total: MiniSearch ${timings.reference.toFixed(0)}, ours ${timings.ours.toFixed(0)}`);
}

const queries = await questions();
await compare('bundled corpus', ['corpus/A_RES_74_148.txt', 'corpus/A_RES_76_172.txt'], queries);
const council = (await readdir(SECURITY_COUNCIL_DIRECTORY)).filter((file) => file.endsWith('.txt')).sort().map((file) => join(SECURITY_COUNCIL_DIRECTORY, file));
await compare('Security Council texts', council, queries);

if (storedDirectory) {
  const { readStoredIndex } = await import('../src/retrieval/index-store.js');
  const { LOCAL_EMBEDDER_DIMENSION, LOCAL_EMBEDDER_MODEL_ID } = await import('../src/retrieval/local-embedder.js');
  const { INDEX_FILES } = await import('../src/retrieval/index-layout.js');
  const { SCALE_QUERIES } = await import('./support/benchmark-queries.js');
  const stored = await readStoredIndex(storedDirectory, { modelId: LOCAL_EMBEDDER_MODEL_ID, dimension: LOCAL_EMBEDDER_DIMENSION });
  const unitIds = stored.chunks.map((chunk) => chunk.unitId);
  let started = performance.now();
  const ours = await LexicalIndex.read(join(stored.directory, INDEX_FILES.lexical), unitIds);
  const oursLoad = performance.now() - started;
  const built = new MiniSearch<{ id: number; text: string; label: string }>(MINISEARCH_OPTIONS);
  started = performance.now();
  built.addAll(stored.chunks.map((chunk, row) => ({ id: row, text: chunk.text, label: chunk.metadata.label })));
  const referenceBuild = performance.now() - started;
  const plain = built.toJSON();
  started = performance.now();
  const reference = miniSearchOver(stored.chunks, MiniSearch.loadJS(plain, MINISEARCH_OPTIONS));
  const referenceLoad = performance.now() - started;
  const timings = { reference: [] as number[], ours: [] as number[] };
  let identical = 0;
  const all = [...SCALE_QUERIES, ...queries];
  for (const query of all) {
    let begun = performance.now();
    const expected = reference(query);
    timings.reference.push(performance.now() - begun);
    begun = performance.now();
    const actual = ours.searchUnits(query, k);
    timings.ours.push(performance.now() - begun);
    if (expected.map((hit) => hit.unitId).join() === actual.map((hit) => hit.unitId).join()) identical += 1;
  }
  console.log(`${storedDirectory}: ${stored.chunks.length} chunks, ${all.length} questions (${SCALE_QUERIES.length} benchmark + ${queries.length} golden/held-out), top ${k}: ${identical} identical`);
  console.log(`  per query p50 ms: MiniSearch ${median(timings.reference).toFixed(2)}, ours ${median(timings.ours).toFixed(2)}; max: MiniSearch ${Math.max(...timings.reference).toFixed(1)}, ours ${Math.max(...timings.ours).toFixed(1)}`);
  console.log(`  load ms: ours ${oursLoad.toFixed(0)} (lexical.bin); MiniSearch loadJS ${referenceLoad.toFixed(0)} (in memory, file parsing not counted); MiniSearch build ${referenceBuild.toFixed(0)}`);
}
