import { PARSER_VERSION } from '../../src/corpus/parse-resolution.js';
import { writeSearchIndex } from '../../src/retrieval/index-store.js';
import { makeDocument, chunksOf } from './search-fixtures.js';

/**
 * Child process for the kill -9 test: writes an index large enough that the parent can kill it while
 * the temp folder is half written. Usage: tsx write-large-index-script.ts <directory> <units>
 */
const [directory, unitCount] = [process.argv[2]!, Number(process.argv[3] ?? 20_000)];
const dimension = 64;
const document = makeDocument(
  'A/RES/99/1',
  2030,
  Array.from({ length: unitCount }, (_, index) => [`OP${index + 1}`, 'operative', `Paragraph number ${index} about topic ${index % 97}`]),
);
const chunks = chunksOf(document);
const vectors = new Float32Array(chunks.length * dimension).map((_, index) => Math.sin(index));
process.stdout.write('writing\n');
await writeSearchIndex(directory, {
  documents: [document],
  chunks,
  vectors,
  manifest: {
    parserVersion: PARSER_VERSION,
    embedder: { modelId: 'fake-hashing-64', dimension },
    vector: { space: 'cosine', m: 16, efConstruction: 200, efSearch: 64, count: chunks.length },
    documents: [{ sourceFile: document.sourceFile, checksum: document.checksum, symbol: document.symbol, units: document.units.length }],
    createdAt: new Date().toISOString(),
  },
});
process.stdout.write('finished\n');
