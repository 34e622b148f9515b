import { Runnable, type RunnableConfig } from '@langchain/core/runnables';
import type { DocumentUnit } from '../corpus/resolution-document.js';
import { splitSentences, validateSentence, type SupportSettings, type ValidatedSentence } from './citation-validation.js';

/**
 * The chain's output parser: reads the model's text deltas, cuts them into sentences as soon as a
 * sentence is complete, and validates each one's `[n]` markers against the numbered sources. Emits
 * every sentence with its verdict, so supported ones can be streamed and the rest dropped.
 */
export class CitationOutputParser extends Runnable<string, ValidatedSentence> {
  lc_namespace = ['verbatim', 'answer'];

  constructor(
    private readonly sources: ReadonlyMap<number, DocumentUnit>,
    private readonly forbiddenPassages: readonly string[],
    private readonly settings?: SupportSettings,
  ) {
    super();
  }

  async invoke(input: string): Promise<ValidatedSentence> {
    const sentences = splitSentences(input).map((sentence) => this.check(sentence));
    return sentences.find((sentence) => sentence.supported) ?? sentences[0] ?? { text: '', unitIds: [], supported: false, reason: 'no-marker', overlap: 0 };
  }

  private check(sentence: string): ValidatedSentence {
    return validateSentence(sentence, this.sources, this.forbiddenPassages, this.settings);
  }

  async *_transform(chunks: AsyncGenerator<string>): AsyncGenerator<ValidatedSentence> {
    let buffer = '';
    for await (const chunk of chunks) {
      buffer += chunk;
      const sentences = splitSentences(buffer);
      // The last piece may still be growing (and its marker may not have arrived yet).
      if (sentences.length > 1) {
        for (const sentence of sentences.slice(0, -1)) yield this.check(sentence);
        buffer = sentences.at(-1) ?? '';
      }
    }
    for (const sentence of splitSentences(buffer)) yield this.check(sentence);
  }

  override transform(generator: AsyncGenerator<string>, options?: Partial<RunnableConfig>): AsyncGenerator<ValidatedSentence> {
    return this._transformStreamWithConfig(generator, this._transform.bind(this), options);
  }
}
