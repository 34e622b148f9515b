import { ChatPromptTemplate } from '@langchain/core/prompts';
import { RunnableLambda, RunnableSequence } from '@langchain/core/runnables';
import type { BaseMessage } from '@langchain/core/messages';
import type { CorpusStore } from '../corpus/corpus-store.js';
import type { DocumentUnit } from '../corpus/resolution-document.js';
import type { ChatMessage } from './answer-types.js';
import type { ChatModel } from './chat-model.js';
import { CitationOutputParser } from './citation-output-parser.js';
import type { SupportSettings, ValidatedSentence } from './citation-validation.js';
import { describeDocument } from './answer-draft.js';
import type { PromptFiles } from './prompt-files.js';
import { removeInstructions } from './instruction-filter.js';
import { fenceQuestion, fenceSources, type NumberedSource } from './source-fencing.js';

export interface LlmAnswerInput {
  question: string;
  units: readonly DocumentUnit[];
}

function withoutInstructions(unit: DocumentUnit): DocumentUnit {
  const text = removeInstructions(unit.text).text;
  return text === unit.text.trim() ? unit : { ...unit, text };
}

/** Braces are template syntax for ChatPromptTemplate; prompt files are literal text. */
function literal(text: string): string {
  return text.replace(/[{}]/g, (brace) => brace + brace);
}

function toChatMessages(messages: BaseMessage[]): ChatMessage[] {
  return messages.map((message) => {
    const type = message.getType();
    return {
      role: type === 'system' ? 'system' : type === 'ai' ? 'assistant' : 'user',
      content: typeof message.content === 'string' ? message.content : JSON.stringify(message.content),
    };
  });
}

/**
 * The generative chain, built from LangChain runnables so each stage can be swapped:
 * numbered, fenced sources → ChatPromptTemplate → the chat model (openai SDK, streaming) → the
 * citation output parser, which yields each sentence with its validated unit ids.
 */
export function createLlmAnswerChain(options: {
  model: ChatModel;
  prompts: PromptFiles;
  corpus: CorpusStore;
  supportSettings?: SupportSettings;
}) {
  const template = ChatPromptTemplate.fromMessages([
    ['system', literal(options.prompts.answerSystem)],
    ['human', options.prompts.answerUser],
  ]);
  const forbidden = [options.prompts.answerSystem, options.prompts.answerUser, options.prompts.rewriteSystem];

  return {
    /** Streams validated sentences; throws the model's error (the caller falls back). */
    async *stream(input: LlmAnswerInput, signal?: AbortSignal): AsyncGenerator<ValidatedSentence> {
      // Instruction-like sentences inside a document are data, never orders: the model does not see
      // them, and validation does not accept them as support.
      const numbered: NumberedSource[] = input.units.map((unit, position) => ({
        number: position + 1,
        unit: withoutInstructions(unit),
        documentDescription: describeDocument(options.corpus.documentOf(unit.id)!, options.corpus),
      }));
      const sources = new Map(numbered.map((source) => [source.number, source.unit]));
      const chain = RunnableSequence.from([
        RunnableLambda.from((request: LlmAnswerInput) => ({ sources: fenceSources(numbered), question: fenceQuestion(request.question) })),
        template,
        RunnableLambda.from(async (prompt: { toChatMessages(): BaseMessage[] }) => toChatMessages(prompt.toChatMessages())),
        RunnableLambda.from((messages: ChatMessage[]) => options.model.stream(messages, signal ? { signal } : {})),
        new CitationOutputParser(sources, forbidden, options.supportSettings),
      ]);
      const stream = await chain.stream(input, signal ? { signal } : {});
      for await (const sentence of stream) yield sentence as ValidatedSentence;
    },
  };
}

export type LlmAnswerChain = ReturnType<typeof createLlmAnswerChain>;
