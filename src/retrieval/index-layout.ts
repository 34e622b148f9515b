import { z } from 'zod';

/** Bump when the file layout or manifest meaning changes; older indexes are then refused at load. */
export const INDEX_FORMAT_VERSION = 2;

/** Names of the files of an index folder. The manifest is written last and marks a complete index. */
export const INDEX_FILES = {
  manifest: 'manifest.json',
  /** One ResolutionDocument (with its units) per line. */
  documents: 'documents.jsonl',
  /** One RetrievalChunk per line; line n is row n of the vector file and label n of the hnsw graph. */
  chunks: 'chunks.jsonl',
  /** Float32 little-endian, one row of `dimension` numbers per chunk. */
  vectors: 'vectors.f32',
  /** hnswlib HierarchicalNSW graph (it keeps its own copy of the vectors). */
  graph: 'vectors.hnsw',
  /** BM25 inverted index in typed arrays (layout in lexical-index-file.ts). Format 1 held MiniSearch JSON lines. */
  lexical: 'lexical.bin',
} as const;

/** The files whose size and checksum the manifest records. */
export const CHECKED_FILES = [INDEX_FILES.documents, INDEX_FILES.chunks, INDEX_FILES.vectors, INDEX_FILES.graph, INDEX_FILES.lexical] as const;

const fingerprintSchema = z.object({ bytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/** Loose: fields other modules add later survive a load. */
export const indexManifestSchema = z.looseObject({
  formatVersion: z.number().int(),
  parserVersion: z.string(),
  embedder: z.object({ modelId: z.string(), dimension: z.number().int().positive() }),
  vector: z.object({
    space: z.literal('cosine'),
    m: z.number().int().positive(),
    efConstruction: z.number().int().positive(),
    efSearch: z.number().int().positive(),
    count: z.number().int().min(0),
  }),
  documents: z.array(z.object({ sourceFile: z.string(), checksum: z.string(), symbol: z.string(), units: z.number().int().min(0) })),
  createdAt: z.string(),
  files: z.record(z.string(), fingerprintSchema),
});
