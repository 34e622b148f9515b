import type { QueryAnalysis } from '../retrieval/query-analysis.js';
import { stem, tokenize } from '../retrieval/text-terms.js';

/** A figure, not a year: years are dates, and "in 2022" is no answer to "how much". */
export const numberPattern = /\b(?!(?:19|20)\d\d\b)\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|half|twice|hundred|thousand|million|per cent)\b/i;
export const datePattern = /\b(?:1[89]\d\d|20\d\d)\b|\bsessions?\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;

const calendarDate = /\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}\b/g;
const documentSymbol = /\b(?:[A-Z]+\/)*\d+\/\d+(?:\/[A-Za-z0-9.]+)*|\b(?:No|vol|para|paras)\.\s*\d+|\(\d+\)/g;

const countedThing = /\b(?:how\s+many|number\s+of)\s+([a-z]+)/i;
const durationQuestion = /\bhow\s+long\b/i;
const countWords = String.raw`\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|hundred|thousand|million|half|dozens?|majority|minority|most|few`;

/**
 * A figure only answers "how many days…" when it counts days: a number of something else in the
 * best paragraphs is no evidence, while "almost half of all migrants" does count migrants.
 */
export function countsAskedThing(question: string, text: string): boolean {
  const counted = countedThing.exec(question)?.[1];
  const things = counted ? [stem(counted.toLowerCase())] : durationQuestion.test(question) ? ['hour', 'day', 'week', 'month', 'year'] : [];
  if (things.length === 0) return true;
  const pattern = new RegExp(String.raw`\b(?:${countWords})\b((?:\s+[a-z-]+){1,5})`, 'gi');
  for (const match of text.matchAll(pattern)) {
    if (tokenize(match[1] ?? '').some((word) => things.includes(stem(word)))) return true;
  }
  return false;
}

/** Days of the month and document numbers ("19 September", "73/195", "No. 189") are no answer to "how many". */
export function withoutReferenceNumbers(text: string, expected: QueryAnalysis['expectedValue']): string {
  return expected === 'number' ? text.replace(calendarDate, ' ').replace(documentSymbol, ' ') : text;
}
