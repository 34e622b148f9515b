import type { CorpusStore } from '../corpus/corpus-store.js';

/** A symbol the texts themselves cite ("resolution 73/195") is a topic, not a missing document. */
export function mentionedInCorpus(name: string, corpus: CorpusStore): boolean {
  const symbol = /\d{1,4}\s*\/\s*\d{1,4}/.exec(name)?.[0]?.replace(/\s+/g, '');
  if (!symbol) return false;
  return corpus.documents().some((document) => document.units.some((unit) => unit.text.includes(symbol)));
}

/**
 * "What did resolution 72/179 say…", "according to 72/179…": the question is about that document's own
 * text, which the corpus lacks, even though the corpus cites it. "Which paragraphs mention 72/179?" is not.
 */
export function asksWhatItSays(question: string, name: string): boolean {
  const at = question.indexOf(name);
  if (at < 0) return false;
  const before = question.slice(0, at);
  const after = question.slice(at + name.length);
  if (/\b(?:according\s+to|in|under|by|from)\s+(?:the\s+)?(?:general\s+assembly\s+|security\s+council\s+)?(?:resolution\s+)?$/i.test(before)) return true;
  const asks = /^(?:\s+(?:of|from|adopted\s+in)\s+(?:19|20)\d\d)?(?:'s)?\s+(?:\w+\s+){0,2}?(?:say|says|said|state|states|stated|decide|decides|decided|provide|provides|provided|require|requires|required|call|calls|called|urge|urges|urged|request|requests|requested)\b/i;
  return asks.test(after) && /\b(?:what|which|how|does|did|do|is|was)\b/i.test(before);
}
