import type { ExpandedQuery } from '../retrieval/query-expansion.js';
import { contentWords, stem, tokenize } from '../retrieval/text-terms.js';
import type { QuestionTerms } from './clause-selection.js';
import type { UnknownTopicWord } from './unknown-topic-words.js';

/**
 * The question's own stems, the expansion's stand-ins, and for each own word the phrases that may stand
 * in for it — what clause selection and coverage scoring count.
 */
export function questionTerms(
  text: string,
  expansion: ExpandedQuery['added'] = [],
  unknownWords: ReadonlyArray<UnknownTopicWord | string> = [],
): QuestionTerms {
  const own = [...new Set(contentWords(text).map(stem))];
  const alternatives = new Map<string, string[]>();
  const expanded = new Set<string>();
  for (const entry of expansion) {
    // "COVID-19" stands in through "covid": the bare "19" would match any date.
    const targets = contentWords(entry.term).filter((word) => !/^\d+$/.test(word)).map(stem);
    targets.forEach((target) => expanded.add(target));
    // A formal phrase stands in only whole ("ILO" is "International Labour Organization", not "international").
    const alternative = targets.join(' ');
    if (alternative === '') continue;
    for (const source of contentWords(entry.from).map(stem)) {
      alternatives.set(source, [...(alternatives.get(source) ?? []), alternative]);
    }
  }
  // A word the corpus phrases differently ("citizen" → citizenship) counts through its WordNet relatives.
  for (const unknown of unknownWords) {
    if (typeof unknown === 'string' || unknown.relatedStems.length === 0) continue;
    for (const source of tokenize(unknown.word).map(stem)) alternatives.set(source, [...(alternatives.get(source) ?? []), ...unknown.relatedStems]);
  }
  return { own, expanded: [...expanded].filter((stemmed) => !own.includes(stemmed)), alternatives };
}
