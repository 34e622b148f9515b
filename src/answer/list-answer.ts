import type { DocumentUnit, ResolutionDocument } from '../corpus/resolution-document.js';
import { contentWords, stem, tokenize } from '../retrieval/text-terms.js';

/** Words that frame a list question rather than name its topic. */
const framingWords = new Set(
  'which what list all every name paragraph paragraphs mention mentions mentioned refer refers referred talk talks deal deals address addresses cite cites concern concerns speak speaks contain contains discuss discusses cover covers relate relates related where else does do show find give places place'
    .split(' ')
    .map(stem),
);

/** The topic of a list question as stems in order: "which paragraphs mention trafficking in persons?" → [traffick, person]. */
export function listTopic(question: string): string[] {
  return contentWords(question)
    .map(stem)
    .filter((stemmed) => !framingWords.has(stemmed));
}

/** Does the unit contain the topic: its words in order within a short span ("Special Rapporteur … on the human rights of migrants"). */
export function mentionsTopic(unit: DocumentUnit, topic: readonly string[]): boolean {
  if (topic.length === 0) return false;
  const stems = tokenize(unit.text).map(stem);
  if (topic.length === 1) return stems.includes(topic[0]!);
  const span = topic.length * 3;
  for (let start = 0; start < stems.length; start += 1) {
    if (stems[start] !== topic[0]) continue;
    let next = 1;
    for (let position = start + 1; position < Math.min(stems.length, start + span) && next < topic.length; position += 1) {
      if (stems[position] === topic[next]) next += 1;
    }
    if (next === topic.length) return true;
  }
  return false;
}

/** Every unit of the documents that mentions the topic, in reading order; footnotes and headers excluded. */
export function unitsMentioning(documents: readonly ResolutionDocument[], topic: readonly string[]): DocumentUnit[] {
  return documents.flatMap((document) =>
    document.units.filter(
      (unit) => (unit.kind === 'operative' || unit.kind === 'preamble' || unit.kind === 'annex') && mentionsTopic(unit, topic),
    ),
  );
}

/** The topic as the user wrote it, for the answer sentence. */
export function describeTopic(question: string): string {
  const phrase = /\b(?:mention|refer|talk|deal|address|cite|concern|discuss|cover|relate|contain|speak)\w*\s+(?:to\s+|about\s+|with\s+|of\s+)?(.+?)\s*\??\s*$/i.exec(question)?.[1];
  if (phrase) return phrase.replace(/^(?:the\s+)?/i, (match) => match);
  return contentWords(question).filter((word) => !framingWords.has(stem(word))).join(' ');
}
