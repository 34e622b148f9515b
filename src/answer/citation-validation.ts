import type { DocumentUnit } from '../corpus/resolution-document.js';
import { contentWords, numbersIn, stem, tokenize } from '../retrieval/text-terms.js';
import { removeInstructions } from './instruction-filter.js';

export interface SupportSettings {
  /** Share of the sentence's content words (stemmed) that must occur in the cited text. */
  minimumOverlap: number;
}

export const defaultSupportSettings: SupportSettings = { minimumOverlap: 0.5 };

export interface ValidatedSentence {
  /** The sentence without its markers. */
  text: string;
  unitIds: string[];
  supported: boolean;
  reason?: 'no-marker' | 'unknown-source' | 'low-overlap' | 'unsupported-number' | 'leaks-prompt';
  overlap: number;
}

const markerPattern = /\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\]/g;

/** Splits text into sentences, keeping `[n]` markers that follow the full stop with their sentence. */
export function splitSentences(text: string): string[] {
  return text
    .replace(/([.!?])\s*((?:\[\d{1,3}(?:\s*[,;]\s*\d{1,3})*\]\s*)+)/g, (_match, stop: string, markers: string) => ` ${markers.trim()}${stop} `)
    .split(/(?<=[.!?])\s+(?=[A-Z“"(])/)
    .map((sentence) => sentence.replace(/\s+/g, ' ').replace(/\s+([.!?])$/, '$1').trim())
    .filter((sentence) => sentence.length > 0);
}

/**
 * Checks one model sentence: every `[n]` names a retrieved source, and the cited text supports the
 * sentence — enough of its content words occur there, and every number it states occurs there too.
 */
export function validateSentence(
  sentence: string,
  sources: ReadonlyMap<number, DocumentUnit>,
  forbiddenPassages: readonly string[] = [],
  settings: SupportSettings = defaultSupportSettings,
): ValidatedSentence {
  const numbers = [...sentence.matchAll(markerPattern)].flatMap((match) => match[1]!.split(/[,;]/).map((value) => Number(value.trim())));
  const text = sentence.replace(markerPattern, '').replace(/\s+([.,;:!?])/g, '$1').replace(/\s+/g, ' ').trim();
  if (leaks(text, forbiddenPassages)) return { text, unitIds: [], supported: false, reason: 'leaks-prompt', overlap: 0 };
  if (numbers.length === 0) return { text, unitIds: [], supported: false, reason: 'no-marker', overlap: 0 };
  const units = numbers.map((number) => sources.get(number));
  if (units.some((unit) => unit === undefined)) return { text, unitIds: [], supported: false, reason: 'unknown-source', overlap: 0 };
  const cited = units as DocumentUnit[];
  const unitIds = [...new Set(cited.map((unit) => unit.id))];
  // Words planted as instructions inside a source do not count as support for what the model says.
  const citedText = cited.map((unit) => `${unit.leadIn ?? ''} ${removeInstructions(unit.text).text} ${unit.label}`).join(' ');
  const citedStems = new Set(tokenize(citedText).map(stem));
  const sentenceStems = [...new Set(contentWords(text).map(stem))];
  const overlap = sentenceStems.length === 0 ? 0 : sentenceStems.filter((stemmed) => citedStems.has(stemmed)).length / sentenceStems.length;
  if (overlap < settings.minimumOverlap) return { text, unitIds, supported: false, reason: 'low-overlap', overlap };
  const citedNumbers = new Set(numbersIn(citedText));
  if (numbersIn(text).some((value) => !citedNumbers.has(value))) {
    return { text, unitIds, supported: false, reason: 'unsupported-number', overlap };
  }
  return { text, unitIds, supported: true, overlap };
}

/** True when the sentence repeats eight or more consecutive words of a protected passage (the prompts). */
export function leaks(text: string, passages: readonly string[], window = 8): boolean {
  const words = tokenize(text);
  if (words.length < window) return false;
  const shingles = new Set<string>();
  for (let start = 0; start + window <= words.length; start += 1) shingles.add(words.slice(start, start + window).join(' '));
  return passages.some((passage) => {
    const passageWords = tokenize(passage);
    for (let start = 0; start + window <= passageWords.length; start += 1) {
      if (shingles.has(passageWords.slice(start, start + window).join(' '))) return true;
    }
    return false;
  });
}
