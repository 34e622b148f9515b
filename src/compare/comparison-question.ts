import { isStopWord, stemWord, words } from './word-stems.js';

/** What the asker wants to know about the change between versions. */
export type ComparisonIntent = 'summary' | 'changed' | 'same' | 'added' | 'removed';

export interface ComparisonQuestion {
  intent: ComparisonIntent;
  /** Content words naming the topic ("collective", "expulsion"); empty for a question about everything. */
  topicWords: string[];
  /** Years (`2019`) and symbols (`74/148`, `A/RES/74/148`) the question names, in order. */
  versionMentions: string[];
  /** Paragraphs the question names, as unit ids without symbol: `OP5(l)`, `PP24`. */
  paragraphMentions: string[];
  /**
   * For each paragraph mention, the version named with it ("paragraph 6 (m) of 74/148", "in 74/148 …
   * was paragraph 6 (m)"), when one is; set only when at least one mention has one.
   */
  paragraphVersions?: (string | undefined)[];
  /** The part of the text the question is about ("which preambular paragraph …"). */
  part?: 'preamble' | 'operative';
  /** The question asks about one paragraph ("the paragraph on …", "which paragraph …"). */
  single?: boolean;
  /**
   * Set when nothing but the naming of two versions makes this a comparison ("… under the 2019
   * resolution, and under the 2021 one?"): it is one only if both name versions of one series.
   */
  needsTwoVersions?: boolean;
}

const PARAGRAPH = /\b(preambular\s+|operative\s+)?(?:paragraph|para)\.?\s+(\d{1,3})(?:\s*\(([a-z]{1,4})\))?(?:\s*\(([ivx]{1,5})\))?/g;

const VERSION_MENTION = /\b(?:[as]\/res\/)?\d{2,3}\/\d{1,4}\b|\b(?:19|20)\d{2}\b/g;
const VERSION_AFTER = /^\s*(?:of|in)\s+(?:the\s+)?(?:resolution\s+)?((?:[as]\/res\/)?\d{2,3}\/\d{1,4}\b|(?:19|20)\d{2}\b)/;

interface ParagraphMention {
  unit: string;
  /** The version the mention belongs to, when the question ties one to it. */
  version?: string;
}

/**
 * "preambular paragraph 24" → `PP24`, "paragraph 5 (l)" → `OP5(l)`. A version named right after the
 * paragraph ("of 74/148"), or the only version named in its sentence, says which text numbers it so.
 */
function paragraphMentionsOf(text: string): ParagraphMention[] {
  const mentions: ParagraphMention[] = [];
  for (const sentence of text.split(/(?<=[?!]|[^.\s]{3}\.)\s+(?![\d(])/)) {
    const versions = [...new Set(sentence.match(VERSION_MENTION) ?? [])];
    for (const match of sentence.matchAll(PARAGRAPH)) {
      const unit = match[1]?.startsWith('preambular')
        ? `PP${match[2]}`
        : `OP${match[2]}${match[3] ? `(${match[3]})` : ''}${match[4] ? `(${match[4]})` : ''}`;
      const after = VERSION_AFTER.exec(sentence.slice((match.index ?? 0) + match[0].length))?.[1];
      const version = after ?? (versions.length === 1 ? versions[0] : undefined);
      mentions.push(version === undefined ? { unit } : { unit, version });
    }
  }
  return mentions;
}

const REMOVED = /\b(drop(?:ped|s)?|remov(?:e|ed|es)|delet(?:e|ed|es)|omit(?:s|ted)?|no longer|any ?more|left out|disappear(?:s|ed)?|taken out|cut)\b/;
const ADDED = /\b(add(?:s|ed)?|introduc(?:e|es|ed)|insert(?:s|ed)?|what(?:'s| is| was) new|anything new|something new|is new|are new|newly|new (?:about|on|in|regarding|concerning|language|wording|text|paragraphs?))\b/;
const SAME = /\b(same|identical|unchanged|still|word for word|kept|retained|carried over|survived)\b/;
/** "Does it … in both versions?": a question put to each version is a question about sameness. */
const BOTH = /\b(?:in|under) both\b|\bboth (?:versions|resolutions|texts|years|documents)\b|\beach of the (?:two|2)\b|\beach (?:version|resolution|text)\b/;
const CHANGED = /\b(chang(?:e|ed|es)|differ(?:s|ent|ence|ences)?|compar(?:e|ed|es|ing|ison)|modif(?:y|ied|ies)|amend(?:ed|s)?|revis(?:ed|ions?)|evolv(?:e|ed)|versus|vs)\b/;
/**
 * Signals that the question is about versions, not about what one text says. "Still" alone is not
 * one: "do migrants without papers still have rights?" asks what the text says; "is the paragraph
 * still the same?" and "does it still mention …" ask about the text itself.
 */
const VERSION_CUE =
  /\b((?:19|20)\d{2}|\d{2,3}\/\d{1,4}|both|versions?|previous|earlier|older|last time|since|between|before|anymore|no longer|texts|resolutions|series|latest|newer|prior|any ?more|then|still (?:the same|identical|unchanged|there|says?|mentions?|calls?|includes?|contains?|welcomes?|urges?))\b/;
const CHANGE_OPENING =
  /^\s*(?:so\s+|and\s+)?(?:what|which)(?:(?:'s| is| are| has| have| was| were)\s+(?:changed|new|different|added|dropped|removed|deleted|been (?:added|dropped|removed|changed))|\s+changed)\b/;
/** "Did the resolution change …", "has it dropped …": a past change, so a comparison. */
const PAST_CHANGE = /\b(?:did|has|have)\b[^?]*\b(?:chang(?:e|ed)|add(?:ed)?|drop(?:ped)?|remov(?:e|ed)|delet(?:e|ed)|amend(?:ed)?)\b/;

/** Words about the comparison itself, never the topic. */
const META_WORDS = new Set(
  (
    'what which how whether paragraph paragraphs para paras text texts resolution resolutions version versions ' +
    'same identical unchanged still between change changed changes changing new newly add added adds adding ' +
    'drop dropped drops remove removed removes delete deleted omit omitted introduce introduced insert inserted ' +
    'anything something nothing everything about regarding concerning say says said mention mentions mentioned ' +
    'differ differs different difference differences compare compared comparison since last time year years ' +
    'session earlier older newer latest previous prior later recent current first second one ones document ' +
    'documents wording words word general assembly un text part parts anymore longer left out cut there ' +
    'versus vs modify modified amend amended revised revision evolve evolved appear appears disappear ' +
    'disappeared taken preamble preambular operative language get got go went both made make edition editions ' +
    'kept retained carried survived each two under worded phrased rephrased reworded differently call calls ' +
    // The direction of a change is what is asked, never the topic ("did it soften the wording on …").
    'soften softened softer harden hardened harder stronger weaker strengthen strengthened weaken weakened ' +
    'tougher firmer looser tone toned become became ' +
    "isn't wasn't doesn't didn't hasn't haven't aren't weren't"
  ).split(' '),
);

/**
 * Reads a question as a question about change between versions of a resolution, or returns null
 * when it is not one ("what does the resolution say about detention?").
 */
export function parseComparisonQuestion(question: string): ComparisonQuestion | null {
  const text = question.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ').trim();
  const asksRemoved = REMOVED.test(text);
  const asksAdded = ADDED.test(text);
  const asksSame = SAME.test(text) || BOTH.test(text);
  const asksChanged = CHANGED.test(text);
  const namedVersions = new Set(text.match(VERSION_MENTION) ?? []);
  const asksAboutChange = asksRemoved || asksAdded || asksSame || asksChanged;
  // Two versions named side by side ask for each one's wording even without a word about change.
  const needsTwoVersions = !asksAboutChange && namedVersions.size >= 2;
  if (!asksAboutChange && !needsTwoVersions) return null;
  if (!VERSION_CUE.test(text) && !CHANGE_OPENING.test(text) && !PAST_CHANGE.test(text)) return null;

  const versionMentions = [
    ...new Set([
      ...(text.match(VERSION_MENTION) ?? []),
      // "resolution 242" names a document even without its session; kept so it is not mistaken for none.
      ...[...text.matchAll(/\b(?:resolutions?|s\/res\/)\s*(\d{1,4})\b(?!\/)/g)].map((match) => `resolution ${match[1]}`),
    ]),
  ];
  const mentions = paragraphMentionsOf(text);
  const paragraphMentions = mentions.map((mention) => mention.unit);
  const topicWords = words(text.replace(PARAGRAPH, ' ')).map((word) => word.replace(/'s$/, '')).filter(
    (word) => !isStopWord(word) && !META_WORDS.has(word) && !/^\d+(\/\d+)*$/.test(word) && !/^a\/res\//.test(word),
  );
  let intent: ComparisonIntent;
  if (asksRemoved) intent = 'removed';
  else if (asksAdded) intent = 'added';
  else if (asksSame || needsTwoVersions) intent = 'same';
  else intent = topicWords.length === 0 && paragraphMentions.length === 0 ? 'summary' : 'changed';
  const parsed: ComparisonQuestion = { intent, topicWords: [...new Set(topicWords)], versionMentions, paragraphMentions };
  if (mentions.some((mention) => mention.version !== undefined)) parsed.paragraphVersions = mentions.map((mention) => mention.version);
  if (/\bpreamb(?:le|ular)\b/.test(text)) parsed.part = 'preamble';
  else if (/\boperative (?:paragraphs?|part)\b/.test(text)) parsed.part = 'operative';
  if (/\b(?:the|which|what|a|one)\s+(?:[a-z-]+\s+)?paragraph\b(?!\s*\d)/.test(text)) parsed.single = true;
  if (needsTwoVersions) parsed.needsTwoVersions = true;
  return parsed;
}

/** Stems of the topic words, for matching against unit text. */
export function topicStems(topicWords: readonly string[]): string[] {
  return [...new Set(topicWords.map(stemWord))];
}
