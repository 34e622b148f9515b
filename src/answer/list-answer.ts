import type { DocumentUnit, ResolutionDocument } from '../corpus/resolution-document.js';
import { contentWords, stem, tokenize } from '../retrieval/text-terms.js';

/** Words that frame a list question rather than name its topic. */
const framingWords = new Set(
  'which what list all every name paragraph paragraphs mention mentions mentioned refer refers referred talk talks deal deals address addresses cite cites concern concerns speak speaks contain contains discuss discusses cover covers relate relates related where else does do show find give places place come comes appear appears appeared invoke invokes invoked feature features featured occur occurs used raised named part parts section sections provision provisions passage passages bring brings brought preamble preambular operative'
    .split(' ')
    .map(stem),
);

/** The topic of a list question as stems in order: "which paragraphs mention trafficking in persons?" → [traffick, person]. */
export function listTopic(question: string): string[] {
  return contentWords(question)
    .map(stem)
    .filter((stemmed) => !framingWords.has(stemmed));
}

/**
 * For a topic stem, the formal terms that stand in for it as stems joined by spaces ("coronavirus" →
 * covid); only one-word terms can stand in for one topic word.
 */
export type TopicAlternatives = ReadonlyMap<string, readonly string[]>;

/** Does the unit contain the topic: its words in order within a short span ("Special Rapporteur … on the human rights of migrants"). */
export function mentionsTopic(unit: DocumentUnit, topic: readonly string[], alternatives: TopicAlternatives = new Map()): boolean {
  if (topic.length === 0) return false;
  const stems = tokenize(unit.text).map(stem);
  const matches = (stemmed: string | undefined, wanted: string) => stemmed === wanted || (stemmed !== undefined && (alternatives.get(wanted)?.includes(stemmed) ?? false));
  if (topic.length === 1) return stems.some((stemmed) => matches(stemmed, topic[0]!));
  const span = topic.length * 3;
  for (let start = 0; start < stems.length; start += 1) {
    if (!matches(stems[start], topic[0]!)) continue;
    let next = 1;
    for (let position = start + 1; position < Math.min(stems.length, start + span) && next < topic.length; position += 1) {
      if (matches(stems[position], topic[next]!)) next += 1;
    }
    if (next === topic.length) return true;
  }
  return false;
}

const listable = (unit: DocumentUnit) => unit.kind === 'operative' || unit.kind === 'preamble' || unit.kind === 'annex';

/**
 * Every unit of the documents that mentions the topic, in reading order; footnotes and headers excluded.
 * When no unit has the whole phrase, one word the documents do use elsewhere may be left out
 * ("the best interests of the child principle" → "best interests of the child"), keeping at least two
 * words; a word the documents never use is never left out, so an absent topic stays absent.
 */
export function unitsMentioning(
  documents: readonly ResolutionDocument[],
  topic: readonly string[],
  alternatives: TopicAlternatives = new Map(),
): DocumentUnit[] {
  const find = (wanted: readonly string[]) =>
    documents.flatMap((document) => document.units.filter((unit) => listable(unit) && mentionsTopic(unit, wanted, alternatives)));
  const exact = find(topic);
  if (exact.length > 0 || topic.length < 3) return exact;
  const used = new Set(documents.flatMap((document) => document.units.flatMap((unit) => tokenize(unit.text).map(stem))));
  const known = (stemmed: string) => used.has(stemmed) || (alternatives.get(stemmed)?.some((alternative) => used.has(alternative)) ?? false);
  if (!topic.every(known)) return [];
  const candidates = topic.map((_, left) => find(topic.filter((__, position) => position !== left))).filter((found) => found.length > 0);
  // Several shorter phrases match: the narrowest one (fewest units) stays closest to the question.
  return candidates.sort((left, right) => left.length - right.length)[0] ?? [];
}

/** The topic as the user wrote it, for the answer sentence. */
export function describeTopic(question: string): string {
  const phrase = /\b(?:mention|refer|talk|deal|address|cite|concern|discuss|cover|relate|contain|speak)\w*\s+(?:to\s+|about\s+|with\s+|of\s+)?(.+?)\s*[?.!]*\s*$/i.exec(question)?.[1];
  if (phrase) return phrase.replace(/^(?:the\s+)?/i, (match) => match);
  return contentWords(question).filter((word) => !framingWords.has(stem(word))).join(' ');
}

/** A formal term must find at least this share of its paragraphs among those retrieved to stand in for the topic. */
const termPrecision = 0.75;

/**
 * Paragraphs naming the list topic in the documents' own words: "the coronavirus pandemic" is also
 * "COVID-19", "children on their own" is "unaccompanied". Each formal term expansion found for the
 * topic's words is taken whole (every paragraph using it) when retrieval agrees it is the topic, i.e.
 * most of its paragraphs (or their twins in another version) are among those retrieved; a broad term
 * ("families") that also names other things is left out.
 */
export function unitsByFormalTerms(
  documents: readonly ResolutionDocument[],
  topic: readonly string[],
  expansion: ReadonlyArray<{ from: string; term: string }>,
  isRetrieved: (unit: DocumentUnit) => boolean,
): DocumentUnit[] {
  const topicStems = new Set(topic);
  const terms = [...new Set(expansion.filter((entry) => contentWords(entry.from).every((word) => topicStems.has(stem(word)))).map((entry) => entry.term))];
  const chosen = new Set<string>();
  for (const term of terms) {
    const stems = contentWords(term).map(stem);
    if (stems.length === 0) continue;
    const found = documents.flatMap((document) => document.units.filter((unit) => listable(unit) && mentionsTopic(unit, stems)));
    const supported = found.filter(isRetrieved).length;
    if (supported > 0 && supported >= termPrecision * found.length) for (const unit of found) chosen.add(unit.id);
  }
  return documents.flatMap((document) => document.units.filter((unit) => chosen.has(unit.id)));
}
