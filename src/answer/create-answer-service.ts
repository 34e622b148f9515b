import { randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import { alignSeries } from '../compare/align-documents.js';
import { answerComparison } from '../compare/comparison-answer.js';
import { findSeries } from '../compare/resolution-series.js';
import type { Embedder } from '../retrieval/embedder.js';
import { createFeatureReranker, createTermWeights } from '../retrieval/feature-reranker.js';
import { createHybridRetriever } from '../retrieval/hybrid-retriever.js';
import { analyzeQuery, type QueryAnalysis } from '../retrieval/query-analysis.js';
import { createQueryExpansion, loadDomainThesaurus, vocabularyOf } from '../retrieval/query-expansion.js';
import type { RetrievedUnit } from '../retrieval/retrieval-types.js';
import type { SearchIndex } from '../retrieval/search-index.js';
import { createSpellingCorrector, wordsOf } from '../retrieval/spelling-correction.js';
import { createWordNetLookup } from '../retrieval/wordnet-synonyms.js';
import { renderDraft, type AnswerDraft } from './answer-draft.js';
import type { Answer, AnswerEvent, AnswerRequest, AnswerService, Citation, SourceReference } from './answer-types.js';
import { createOpenAiChatModel, retryPolicyFrom, type ChatModel } from './chat-model.js';
import { createCircuitBreaker } from './circuit-breaker.js';
import { composeExtractiveAnswer, defaultExtractiveSettings, type ExtractiveSettings } from './extractive-answerer.js';
import { createLlmFollowUpRewriter, createRuleFollowUpRewriter } from './follow-up-rewriter.js';
import { createUnknownTopicDetector } from './unknown-topic-words.js';
import { removeInstructions } from './instruction-filter.js';
import { streamLlmAnswer } from './llm-answer-stream.js';
import { createLlmAnswerChain } from './llm-answerer.js';
import { loadPromptFiles, type PromptFiles } from './prompt-files.js';

export interface AnswerServiceDependencies {
  index: SearchIndex;
  embedder: Embedder;
  config: Config;
  clock?: () => number;
  createId?: () => string;
  /** The LLM; by default built from config when ANSWERER=llm. */
  chatModel?: ChatModel;
  prompts?: PromptFiles;
  extractiveSettings?: ExtractiveSettings;
}

/** Raised by `answer()` when the stream ended in an error event; `code` maps to a public message. */
export class AnswerError extends Error {
  override name = 'AnswerError';
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** The composition root the server and the eval harness call. */
export function createAnswerService(deps: AnswerServiceDependencies): AnswerService {
  const { index, embedder, config } = deps;
  const corpus = index.corpus;
  const clock = deps.clock ?? (() => performance.now());
  const createId = deps.createId ?? randomUUID;
  const prompts = deps.prompts ?? loadPromptFiles();
  // Align every series once at start-up (cached per document pair), so no question pays for it.
  for (const series of findSeries(corpus.documents())) alignSeries(series);
  const termWeights = createTermWeights(corpus);
  const thesaurus = loadDomainThesaurus();
  const wordNet = createWordNetLookup();
  const chunkTexts = index.chunks.map((chunk) => chunk.text);
  const vocabulary = vocabularyOf(chunkTexts);
  const expansion = createQueryExpansion({ thesaurus, wordNet, vocabulary });
  const unknownTopicWords = createUnknownTopicDetector({ vocabulary, wordNet });
  const speller = createSpellingCorrector([...wordsOf(chunkTexts), ...wordsOf(Object.keys(thesaurus))], (word) => wordNet.isKnownWord(word), wordNet.singleWords());
  const retriever = createHybridRetriever({ index, embedder, expansion, reranker: createFeatureReranker(corpus) });
  const chatModel =
    deps.chatModel ??
    (config.ANSWERER === 'llm' && config.LLM_BASE_URL
      ? // Repeated upstream failures open the breaker, so answers fall back at once instead of each
        // waiting out its own retries and timeouts.
        createCircuitBreaker({ failureThreshold: 5, openMilliseconds: 30_000 }).wrap(
          createOpenAiChatModel({
            baseUrl: config.LLM_BASE_URL,
            model: config.LLM_MODEL,
            policy: retryPolicyFrom(config),
            ...(config.LLM_API_KEY ? { apiKey: config.LLM_API_KEY } : {}),
          }),
        )
      : undefined);
  const useLlm = chatModel !== undefined && (config.ANSWERER === 'llm' || deps.chatModel !== undefined);
  const rewriter = useLlm && chatModel ? createLlmFollowUpRewriter(chatModel, prompts.rewriteSystem) : createRuleFollowUpRewriter();
  const llmChain = useLlm && chatModel ? createLlmAnswerChain({ model: chatModel, prompts, corpus }) : undefined;

  const toSources = (retrieved: readonly RetrievedUnit[], cited: readonly string[], related: readonly string[]): SourceReference[] => {
    const scoreOf = new Map(retrieved.map((hit) => [hit.unit.id, hit.score]));
    const ordered = [...new Set([...cited, ...related, ...retrieved.map((hit) => hit.unit.id)])];
    const limit = cited.length + 10;
    return ordered
      .slice(0, limit)
      .map((id) => corpus.getUnit(id))
      .filter((unit) => unit !== undefined)
      .map((unit) => ({ id: unit.id, label: unit.label, score: Number((scoreOf.get(unit.id) ?? 0).toFixed(4)) }));
  };

  async function* stream(request: AnswerRequest, state: { query?: string } = {}): AsyncGenerator<AnswerEvent> {
    const started = clock();
    const timings: Record<string, number> = {};
    const answerId = createId();
    try {
      const rewritten = await rewriter.rewrite(request.messages, request.signal ? { signal: request.signal } : {});
      const filtered = removeInstructions(rewritten.query);
      timings.rewrite = clock() - started;
      const query = speller.correct(filtered.text).text;
      state.query = query || rewritten.query;
      const analysis = analyzeQuery(query || rewritten.query, corpus, request.filters);

      const retrievalStarted = clock();
      const expanded = expansion.expand(analysis.searchText);
      const retrieved = query
        ? await retriever.retrieve({
            query: analysis.searchText,
            filters: analysis.filters,
            k: analysis.listRequested ? 20 : 10,
            ...(request.signal ? { signal: request.signal } : {}),
          })
        : [];
      const named = analysis.unitIds.map((id) => ({ unit: corpus.getUnit(id)!, score: 1, scores: { fused: 1 } }));
      const evidence = [...named, ...retrieved.filter((hit) => !analysis.unitIds.includes(hit.unit.id))];
      timings.retrieval = clock() - retrievalStarted;

      const composeStarted = clock();
      let draft: AnswerDraft;
      let usedComparison = false;
      if (!query) {
        draft = { sentences: [{ text: 'The resolutions do not answer that: ask a question about what they say.', unitIds: [] }], abstained: true, quotes: new Map() };
      } else {
        const comparison = answerComparison(query, corpus, { expansion: expansion.expand(query).added });
        usedComparison = comparison !== null;
        draft = comparison
          ? { sentences: comparison.sentences, abstained: comparison.abstained, quotes: new Map() }
          : composeExtractiveAnswer(
              { analysis, retrieved: evidence, corpus, termWeights, expansion: expanded.added, unknownTopicWords: unknownTopicWords(analysis.searchText, expanded.added) },
              deps.extractiveSettings ?? defaultExtractiveSettings,
            );
      }
      // Sources lead with the units the answer stands on, then the rest of what retrieval found.
      yield { type: 'sources', sources: toSources(evidence, citedIds(draft), draft.related ?? []) };
      if (query) {
        if (llmChain && !usedComparison && wantsGenerativeAnswer(analysis) && !draft.abstained) {
          // The model sees the paragraphs the extractive composer chose first, then the rest of the evidence.
          const chosen = citedIds(draft).map((id) => ({ unit: corpus.getUnit(id)!, score: 1, scores: { fused: 1 } }));
          const forModel = [...chosen, ...evidence.filter((hit) => !chosen.some((first) => first.unit.id === hit.unit.id))];
          const result = yield* streamLlmAnswer({ chain: llmChain, question: query, evidence: forModel, extractive: draft, corpus, signal: request.signal });
          timings.compose = clock() - composeStarted;
          timings.total = clock() - started;
          yield {
            type: 'answer-end',
            answerId,
            abstained: result.abstained,
            timings,
            answerer: result.answerer,
            ...(result.fallback ? { fallback: true } : {}),
          };
          return;
        }
      }
      const rendered = renderDraft(draft, corpus);
      const related = draft.abstained && draft.related?.length ? closestNote(draft.related) : '';
      timings.compose = clock() - composeStarted;
      timings.total = clock() - started;
      yield { type: 'text-delta', delta: rendered.answer + related };
      yield { type: 'citations', citations: rendered.citations };
      yield { type: 'answer-end', answerId, abstained: draft.abstained, timings, answerer: 'extractive' };
    } catch (error) {
      if (request.signal?.aborted) yield { type: 'error', code: 'aborted', message: 'The request was cancelled.' };
      else yield { type: 'error', code: 'answer-failed', message: 'The answer could not be produced.' };
      void error;
    }
  }

  function closestNote(related: string[]): string {
    const labels = related.map((id) => corpus.getUnit(id)?.label).filter((label): label is string => Boolean(label));
    return labels.length > 0 ? ` The closest related paragraphs are listed as sources.` : '';
  }

  return {
    stream: (request) => stream(request),
    async answer(request) {
      const state: { query?: string } = {};
      let text = '';
      let citations: Citation[] = [];
      let sources: SourceReference[] = [];
      for await (const event of stream(request, state)) {
        if (event.type === 'sources') sources = event.sources;
        else if (event.type === 'text-delta') text += event.delta;
        else if (event.type === 'citations') citations = [...citations, ...event.citations.filter((citation) => !citations.some((known) => known.id === citation.id))];
        else if (event.type === 'error') throw new AnswerError(event.code, event.message);
        else {
          const answer: Answer = {
            answerId: event.answerId,
            answer: text.trim(),
            citations,
            abstained: event.abstained,
            sources,
            timings: event.timings,
            answerer: event.answerer,
            ...(event.fallback ? { fallback: true } : {}),
            ...(state.query !== undefined ? { query: state.query } : {}),
          };
          return answer;
        }
      }
      throw new AnswerError('answer-failed', 'The answer stream ended early.');
    },
  };
}

function citedIds(draft: AnswerDraft): string[] {
  return [...new Set(draft.sentences.flatMap((sentence) => sentence.unitIds))];
}

/** Named paragraphs, metadata and "not in the documents" are answered exactly without a model. */
function wantsGenerativeAnswer(analysis: QueryAnalysis): boolean {
  return analysis.unitIds.length === 0 && !analysis.metadataField && !analysis.unanswerable && !analysis.listRequested && !analysis.footnoteRequested;
}
