import type { CorpusStore } from '../corpus/corpus-store.js';
import type { DocumentUnit } from '../corpus/resolution-document.js';
import type { TermWeights } from '../retrieval/feature-reranker.js';
import type { QueryAnalysis } from '../retrieval/query-analysis.js';
import type { ExpandedQuery } from '../retrieval/query-expansion.js';
import { sortByDate, seriesOf } from '../retrieval/query-filters.js';
import type { RetrievedUnit } from '../retrieval/retrieval-types.js';
import { numbersIn, stem } from '../retrieval/text-terms.js';
import { comparableText, describeDocument, withoutMarker, type AnswerDraft, type DraftSentence } from './answer-draft.js';
import { selectQuote, type QuestionTerms } from './clause-selection.js';
import { abstain, abstentionFor } from './abstention.js';
import { findFootnote } from './footnote-answer.js';
import { namesNumberedPart, numberedParts } from './numbered-part.js';
import { asksAboutEveryVersion, counterparts, identicalCopies, nearlySame, preferLatestCopy } from './resolution-versions.js';
import { describeTopic, listTopic, unitsByFormalTerms, unitsMentioning } from './list-answer.js';
import { answerMetadata } from './metadata-answer.js';
import { absentTopicWords, type UnknownTopicWord } from './unknown-topic-words.js';
import { countsAskedThing, datePattern, numberPattern, withoutReferenceNumbers } from './asked-value.js';
import { questionTerms } from './question-terms.js';
import { asksWhatItSays, mentionedInCorpus } from './absent-document.js';

export interface ExtractiveInput {
  analysis: QueryAnalysis;
  retrieved: readonly RetrievedUnit[];
  corpus: CorpusStore;
  termWeights: TermWeights;
  /** Formal terms added by query expansion, with the words that produced them. */
  expansion?: ExpandedQuery['added'];
  /** Question words naming a topic the corpus never mentions (no match, no expansion), with related corpus stems. */
  unknownTopicWords?: ReadonlyArray<UnknownTopicWord | string>;
}

export interface ExtractiveSettings {
  /** Below this share of the question's (idf-weighted) terms in the best unit, abstain. */
  minimumCoverage: number;
  /**
   * A topic word the corpus never uses (and the best unit has nothing related to) is evidence of
   * absence unless that unit covers at least this share of the question's other words…
   */
  unknownTopicCoverage: number;
  /** …and such words carry at most this share of the question's weight (a side detail, not the topic). */
  unknownTopicShare: number;
  /** A further unit is cited when it covers at least this share of the best unit's coverage… */
  companionCoverageRatio: number;
  /** …and its retrieval score is at least this share of the best one. */
  companionScoreRatio: number;
  maximumUnits: number;
  /** When no unit reaches minimumCoverage, the reranker's top this many units are considered… */
  fallbackUnits: number;
  /** …if they share at least this much of the question's weight. */
  fallbackCoverage: number;
}

export const defaultExtractiveSettings: ExtractiveSettings = {
  minimumCoverage: 0.3,
  unknownTopicCoverage: 0.25,
  unknownTopicShare: 0.3,
  companionCoverageRatio: 0.9,
  companionScoreRatio: 0.85,
  maximumUnits: 3,
  fallbackUnits: 3,
  fallbackCoverage: 0.1,
};

/**
 * The default answerer: no model, only the documents' own words. Each sentence quotes (or closely
 * follows) one paragraph and carries its id, so every claim can be checked against the source.
 */
export function composeExtractiveAnswer(input: ExtractiveInput, settings: ExtractiveSettings = defaultExtractiveSettings): AnswerDraft {
  const { analysis, corpus } = input;
  const related = input.retrieved.slice(0, 3).map((hit) => hit.unit.id);
  const unknown = analysis.unknownDocuments.filter((name) => !mentionedInCorpus(name, corpus) || asksWhatItSays(analysis.question, name));
  // "paragraph 3 of resolution 72/179": the paragraph belongs to a document the corpus lacks.
  const namesUnknownParagraph = analysis.unknownDocuments.length > 0 && (analysis.unitIds.length > 0 || analysis.missingUnitIds.length > 0) && analysis.assumedLatest;
  if (namesUnknownParagraph) unknown.push(...analysis.unknownDocuments.filter((name) => !unknown.includes(name)));
  if (unknown.length > 0 && (analysis.filters.symbols === undefined || namesUnknownParagraph)) {
    const held = corpus.documents().map((document) => document.symbol).join(', ');
    return abstain(`The corpus does not contain ${unknown.join(' or ')}; it holds ${held}.`, related);
  }
  if (analysis.unitIds.length > 0 || analysis.missingUnitIds.length > 0) return answerNamedUnits(input);
  if (analysis.unanswerable) return abstain(abstentionFor(analysis.unanswerable), related);
  if (analysis.metadataField) {
    const document = analysis.documents.at(-1);
    if (document) {
      const draft = answerMetadata(analysis.metadataField, document, describeDocument(document, corpus));
      if (analysis.assumedLatest) draft.sentences.push(assumedLatestNote(document.symbol, corpus));
      return draft;
    }
  }
  const terms = questionTerms(analysis.searchText, input.expansion, input.unknownTopicWords);
  if (analysis.footnoteRequested) {
    const match = findFootnote(
      input.retrieved.map((hit) => hit.unit),
      footnoteSubjectTerms(terms),
      corpus,
      input.termWeights,
    );
    if (match && match.coverage >= settings.minimumCoverage) {
      const document = corpus.documentOf(match.footnote.id)!;
      const number = match.footnote.unit.replace(/^FN/, '');
      return {
        sentences: [
          {
            text: `${withComma(describeDocument(document, corpus))} cites ${match.subject} to ${match.resolvedText.replace(/^see\s+/i, '').replace(/\.$/, '')} (footnote ${number}).`,
            unitIds: [match.footnote.id],
          },
        ],
        abstained: false,
        quotes: new Map([[match.referencing.id, match.subject]]),
      };
    }
  }
  if (analysis.listRequested) {
    const listed = answerList(input);
    if (listed) return listed;
  }
  return answerFromEvidence(input, terms, settings, related);
}

/** Words that ask for a citation rather than name its subject. */
const citationWords = new Set(
  'treaty series volume volumes vol cited cite citation source reference footnote official records supplement published number which what given document symbol symbols noted note'
    .split(' ')
    .map(stem),
);

function footnoteSubjectTerms(terms: QuestionTerms): QuestionTerms {
  const own = terms.own.filter((stemmed) => !citationWords.has(stemmed));
  return { own: own.length > 0 ? own : terms.own, expanded: terms.expanded, ...(terms.alternatives ? { alternatives: terms.alternatives } : {}) };
}

function assumedLatestNote(symbol: string, corpus: CorpusStore): DraftSentence {
  const document = corpus.getDocument(symbol);
  const others = document ? seriesOf(document, corpus.documents()).filter((other) => other.symbol !== symbol) : [];
  const names = others.map((other) => `${other.symbol}${other.year !== undefined ? ` (${other.year})` : ''}`).join(', ');
  return {
    text: `No version was named, so this is about the latest resolution, ${symbol}${names ? `; ask about ${names} for the earlier text` : ''}.`,
    unitIds: [],
  };
}

function answerNamedUnits(input: ExtractiveInput): AnswerDraft {
  const { analysis, corpus } = input;
  const sentences: DraftSentence[] = [];
  const quotes = new Map<string, string>();
  for (const unitId of analysis.unitIds) {
    const unit = corpus.getUnit(unitId)!;
    const document = corpus.documentOf(unitId)!;
    const text = withoutMarker(unit.text);
    const leadIn = unit.leadIn ? `${withoutMarker(unit.leadIn).replace(/[:,;]\s*$/, '')} … ` : '';
    const children = document.units.filter((candidate) => candidate.parentId === unitId).length;
    const subdivisions = children > 0 ? ` It has ${children === 1 ? 'one sub-paragraph' : 'several sub-paragraphs'}.` : '';
    sentences.push({ text: `${unit.label} (${describeDocument(document, corpus)}) reads: “${leadIn}${text}”${subdivisions}`, unitIds: [unitId] });
    quotes.set(unitId, unit.text);
  }
  for (const missing of analysis.missingUnitIds) {
    const [symbol, name] = [missing.slice(0, missing.lastIndexOf(':')), missing.slice(missing.lastIndexOf(':') + 1)];
    sentences.push({ text: `${symbol} has no ${describeUnitName(name)}.`, unitIds: [] });
  }
  const document = analysis.documents.at(-1);
  if (analysis.assumedLatest && document) sentences.push(assumedLatestNote(document.symbol, corpus));
  return { sentences, abstained: analysis.unitIds.length === 0, quotes, related: input.retrieved.slice(0, 3).map((hit) => hit.unit.id) };
}

function describeUnitName(name: string): string {
  if (name.startsWith('PP')) return `preambular paragraph ${name.slice(2)}`;
  if (name.startsWith('FN')) return `footnote ${name.slice(2)}`;
  const match = /^OP(\d+)(.*)$/.exec(name);
  return match ? `operative paragraph ${match[1]}${match[2] ? ` ${match[2]}` : ''}` : name;
}

function answerList(input: ExtractiveInput): AnswerDraft | undefined {
  const { analysis, corpus } = input;
  const topic = listTopic(analysis.searchText);
  if (topic.length === 0) return undefined;
  let documents = analysis.documents;
  const latest = sortByDate(documents).at(-1);
  const assumeLatest = documents.length > 1 && latest !== undefined && seriesOf(latest, documents).length > 1 && !analysis.filters.symbols;
  if (assumeLatest && latest) documents = [latest];
  // A one-word stand-in may replace a topic word ("coronavirus" → COVID); a formal phrase is matched
  // whole by unitsByFormalTerms, never by any one of its words ("ILO" is not every "international").
  const mentioning = unitsMentioning(documents, topic, questionTerms(analysis.searchText, input.expansion).alternatives);
  const retrievedIds = new Set(input.retrieved.map((hit) => hit.unit.id));
  // Retrieval may rank a paragraph's twin in the other version instead of the paragraph itself.
  const isRetrieved = (unit: DocumentUnit) => retrievedIds.has(unit.id) || counterparts(unit, corpus).some((twin) => retrievedIds.has(twin.id));
  const byFormalTerms = new Set(unitsByFormalTerms(documents, topic, input.expansion ?? [], isRetrieved).map((unit) => unit.id));
  const inPart = (unit: DocumentUnit) => !analysis.filters.kinds?.length || analysis.filters.kinds.includes(unit.kind);
  const units = documents.flatMap((document) => document.units.filter((unit) => (byFormalTerms.has(unit.id) || mentioning.includes(unit)) && inPart(unit)));
  const phrase = describeTopic(analysis.searchText);
  // No paragraph uses the question's words: the topic may still be there in other words, so the
  // best-supported retrieved units answer instead (and abstention rests on positive evidence there).
  if (units.length === 0) return undefined;
  const byDocument = new Map<string, DocumentUnit[]>();
  for (const unit of units) {
    const symbol = corpus.documentOf(unit.id)!.symbol;
    byDocument.set(symbol, [...(byDocument.get(symbol) ?? []), unit]);
  }
  const sentences: DraftSentence[] = [];
  for (const [symbol, found] of byDocument) {
    const document = corpus.getDocument(symbol)!;
    const count = found.length === 1 ? 'one paragraph mentions' : `${found.length} paragraphs mention`;
    sentences.push({
      text: `In ${describeDocument(document, corpus)}, ${count} ${phrase}: ${found.map((unit) => unit.label.replace(`${symbol}, `, '')).join('; ')}.`,
      unitIds: found.map((unit) => unit.id),
    });
  }
  if (assumeLatest && latest) sentences.push(assumedLatestNote(latest.symbol, corpus));
  return { sentences, abstained: false, quotes: new Map() };
}

function answerFromEvidence(input: ExtractiveInput, terms: QuestionTerms, settings: ExtractiveSettings, related: string[]): AnswerDraft {
  const { analysis, corpus } = input;
  const readable = input.retrieved.filter((hit) => hit.unit.kind !== 'header' && hit.unit.kind !== 'footer');
  const scored = readable.map((hit, rank) => ({ hit, rank, ...selectQuote(hit.unit, terms, input.termWeights) }));
  let pool = scored.filter((entry) => entry.coverage >= settings.minimumCoverage);
  // Plain words rarely match the documents' own: low word overlap alone is no evidence of absence,
  // so the reranker's best units (which the sentence encoder helped choose) stand in when none covers enough.
  if (pool.length === 0) pool = scored.slice(0, settings.fallbackUnits).filter((entry) => entry.coverage >= settings.fallbackCoverage);
  if (terms.own.length === 0) pool = scored.slice(0, 1);
  const valuePattern = analysis.expectedValue === 'number' ? numberPattern : analysis.expectedValue === 'date' ? datePattern : undefined;
  if (valuePattern) {
    pool = pool
      .filter((entry) => valuePattern.test(withoutReferenceNumbers(entry.hit.unit.text, analysis.expectedValue)))
      .filter((entry) => analysis.expectedValue !== 'number' || countsAskedThing(analysis.question, withoutReferenceNumbers(entry.hit.unit.text, 'number')))
      .map((entry) => (valuePattern.test(withoutReferenceNumbers(entry.quote, analysis.expectedValue)) ? entry : { ...entry, quote: entry.hit.unit.text }));
  }
  // A number the question states ("within 30 days") must be in the paragraph, or it is not the answer.
  const statedNumbers = numbersIn(analysis.searchText);
  if (statedNumbers.length > 0) {
    pool = pool.filter((entry) => {
      const present = new Set(numbersIn(`${entry.hit.unit.leadIn ?? ''} ${entry.hit.unit.text}`));
      return statedNumbers.every((value) => present.has(value));
    });
  }
  // "Objective 13 of the Global Compact": a numbered part of another instrument is only answered by a
  // paragraph that names that very part, not by one that merely holds the number ("12 and 13 November").
  const parts = numberedParts(analysis.searchText);
  if (parts.length > 0) {
    pool = pool.filter((entry) => parts.every((part) => namesNumberedPart(`${entry.hit.unit.leadIn ?? ''} ${entry.hit.unit.text}`, part)));
    if (pool.length === 0) return abstain(`The resolutions do not mention ${parts.map((part) => `${part.noun} ${part.number}`).join(' or ')}.`, related);
  }
  const absent = absentTopicWords({
    unknown: input.unknownTopicWords ?? [],
    terms,
    best: pool[0]?.hit.unit,
    weights: input.termWeights,
    // A date the texts lack may be the very thing asked for, just as a figure may.
    expectsNumber: analysis.expectedValue === 'number' || analysis.expectedValue === 'date',
    minimumSupport: settings.unknownTopicCoverage,
    maximumShare: settings.unknownTopicShare,
  });
  if (absent.length > 0) return abstain(`The resolutions do not mention ${absent.join(' or ')}.`, related);
  if (pool.length === 0) {
    const what =
      analysis.expectedValue === 'number'
        ? 'The resolutions do not give that figure.'
        : analysis.expectedValue === 'date'
          ? 'The resolutions do not give that date.'
          : `The resolutions do not say anything about ${describeTopic(analysis.searchText) || 'this'}.`;
    return abstain(what, related);
  }
  // Retrieval order decides (re-ranking by coverage here measured worse on the golden set).
  const ranked = pool;
  const best = ranked[0]!;
  const bestCoverage = best.coverage;
  const chosen = [best];
  for (const entry of ranked.slice(1)) {
    if (chosen.length >= settings.maximumUnits) break;
    if (chosen.some((other) => nearlySame(other.hit.unit.text, entry.hit.unit.text))) continue;
    if (entry.coverage < bestCoverage * settings.companionCoverageRatio) continue;
    if (entry.hit.score < best.hit.score * settings.companionScoreRatio) continue;
    chosen.push(entry);
  }
  const sentences: DraftSentence[] = [];
  const quotes = new Map<string, string>();
  for (const entry of chosen) {
    const unit = preferLatestCopy(entry.hit.unit, corpus, analysis);
    const document = corpus.documentOf(unit.id)!;
    const quote = withoutMarker(entry.quote).replace(/[;,:]$/, '');
    quotes.set(unit.id, quote);
    const opening = `In ${describeDocument(document, corpus)}, the ${document.body}`;
    const text =
      unit.kind === 'preamble' ? `${opening}, in its preamble, states: “${quote}”` : `${opening} “${lowerFirst(quote)}”`;
    sentences.push({ text, unitIds: [unit.id] });
    const copies = identicalCopies(unit, corpus).filter((copy) => copy.id !== unit.id);
    if (asksAboutEveryVersion(analysis.question)) {
      for (const counterpart of counterparts(unit, corpus)) {
        const identical = copies.some((copy) => copy.id === counterpart.id);
        const counterpartDocument = corpus.documentOf(counterpart.id)!;
        const counterpartQuote = withoutMarker(selectQuote(counterpart, terms, input.termWeights).quote).replace(/[;,:]$/, '');
        sentences.push({
          text: identical
            ? `The same text appears in ${describeDocument(counterpartDocument, corpus)}.`
            : `In ${describeDocument(counterpartDocument, corpus)}, the corresponding paragraph reads: “${counterpartQuote}”`,
          unitIds: [counterpart.id],
        });
      }
    } else if (copies.length > 0) {
      sentences.push({
        text: `The same text appears in ${copies.map((copy) => corpus.documentOf(copy.id)!.symbol).join(' and ')}.`,
        unitIds: [],
      });
    }
  }
  return { sentences, abstained: false, quotes };
}

/** "A/RES/76/172 (2021), the latest resolution" used as a subject needs a closing comma. */
function withComma(description: string): string {
  return description.includes(',') ? `${description},` : description;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
