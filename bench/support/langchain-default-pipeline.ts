import { readFile } from 'node:fs/promises';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { Embeddings } from '@langchain/core/embeddings';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import type { CorpusStore } from '../../src/corpus/corpus-store.js';
import type { Embedder } from '../../src/retrieval/embedder.js';

/** The project's encoder as a LangChain Embeddings class, so both pipelines embed with the same model. */
export class EncoderEmbeddings extends Embeddings {
  constructor(private readonly embedder: Embedder) {
    super({});
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return (await this.embedder.embed(texts)).map((vector) => Array.from(vector));
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embedder.embed([text]);
    return Array.from(vector!);
  }
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

export interface LangChainAnswer {
  answer: string;
  /** Units whose text the top chunk contains: what a reader would credit the extract to. */
  cited: string[];
  /** Units in the order of the top-k chunks. */
  ranked: string[];
  /** Time of the pipeline itself (embed the question, search, take the best chunk), without the id mapping done for scoring. */
  milliseconds: number;
}

/**
 * What a developer gets from LangChain's defaults: RecursiveCharacterTextSplitter (1000 / 200), HNSWLib
 * with its default ef, the same encoder, and a top-k extract as the answer (the best chunk's text). Chunks
 * carry no paragraph ids, so for scoring each chunk is mapped to the units whose opening or closing words
 * it contains — generous to the baseline.
 */
export async function createLangChainDefaultPipeline(files: readonly string[], embedder: Embedder, corpus: CorpusStore, k = 4) {
  const splitter = new RecursiveCharacterTextSplitter();
  const documents = await splitter.createDocuments(
    await Promise.all(files.map((file) => readFile(file, 'utf8'))),
    files.map((file) => ({ source: file })),
  );
  const store = await HNSWLib.fromDocuments(documents, new EncoderEmbeddings(embedder));
  const units = corpus.documents().flatMap((document) =>
    document.units.map((unit) => {
      const text = normalise(unit.text);
      return { id: unit.id, source: document.sourceFile, head: text.slice(0, 60), tail: text.slice(-60) };
    }),
  );
  const unitsIn = (chunk: { pageContent: string; metadata: Record<string, unknown> }) => {
    const text = normalise(chunk.pageContent);
    const source = String(chunk.metadata.source ?? '');
    return units.filter((unit) => source.endsWith(unit.source.split('/').pop()!) && unit.head.length > 0 && (text.includes(unit.head) || text.includes(unit.tail))).map((unit) => unit.id);
  };
  return {
    chunks: documents.length,
    async answer(question: string): Promise<LangChainAnswer> {
      const started = performance.now();
      const hits = await store.similaritySearch(question, k);
      const top = hits[0];
      const answer = top?.pageContent ?? '';
      const milliseconds = performance.now() - started;
      return { answer, cited: top ? unitsIn(top) : [], ranked: [...new Set(hits.flatMap(unitsIn))], milliseconds };
    },
  };
}
