import type { ChatMessage } from './answer-types.js';
import type { ChatModel } from './chat-model.js';

export interface RewrittenQuery {
  query: string;
  rewritten: boolean;
}

export interface FollowUpRewriter {
  rewrite(messages: readonly ChatMessage[], options?: { signal?: AbortSignal }): Promise<RewrittenQuery>;
}

const versionOnly =
  /^\s*(?:and|what|how)?\s*(?:about|in|for)?\s*(?:the\s+|its\s+)?(?:(?:19|20)\d\d|older|earlier|previous|latest|newer|newest|first|other|predecessor|successor|[as]\/res\/\d+\/\d+|\d{2,3}\/\d{1,4})\s*(?:one|version|resolution|text|document)?\s*(?:\?|\.)?\s*$/i;
const aboutTopic = /^\s*(?:and\s+)?(?:what|how)\s+about\s+(.+?)\s*\??\s*$/i;
const andFor = /^\s*and\s+(?:for|with|regarding|on)\s+(.+?)\s*\??\s*$/i;
const andTopic = /^\s*and\s+(?!in\b|for\b)(.+?)\s*\??\s*$/i;
const whichParagraph = /^\s*(?:which|what)\s+(?:paragraph|para\.?|part|section|source|provision)s?\s+(?:was|is|were|are|says?|said)\s+(?:that|this|it|those|these)\b/i;
const subParagraph = /\b(?:its|that|the|this)\s+sub-?paragraph\s*\(\s*([a-z])\s*\)/i;
const referring = /\b(?:it|its|that|this|those|these|they|them|there|the same)\b/i;
/** "does it say the same?", "is that there too?": the previous question, asked of another version. */
const sameAgain = /^\s*,?\s*(?:(?:does|do|did|is|was|are|were|has|have)\s+(?:it|that|this|they|there)\s+(?:\w+\s+){0,2}?)?(?:the\s+same(?:\s+thing)?|that\s+too|too|as\s+well|also|likewise|similar(?:ly)?|any\s+different|differ(?:ent)?)\s*(?:there|here)?\s*[?.]?\s*$/i;
const symbolMention = /\b(?:resolution\s+)?(?:[as]\/res\/)?\d{2,3}\/\d{1,4}\b|\bthe\s+(?:19|20)\d\d\s+(?:resolution|version|one|text)\b/i;

/** The version a follow-up names: "and in the 2019 one?" → "the 2019 resolution". */
function versionPhrase(text: string): string {
  const year = /\b((?:19|20)\d\d)\b/.exec(text)?.[1];
  if (year) return `the ${year} resolution`;
  const symbol = /\b([as]\/res\/\d+\/\d+|\d{2,3}\/\d{1,4})\b/i.exec(text)?.[1];
  if (symbol) return `resolution ${symbol}`;
  if (/\b(?:older|earlier|previous|first|predecessor)\b/i.test(text)) return 'the older resolution';
  if (/\b(?:latest|newer|newest|successor)\b/i.test(text)) return 'the latest resolution';
  return '';
}

/** Puts another version in place of the one a question named, or adds it. */
function withVersion(question: string, version: string): string {
  const bare = question.replace(/[?.]\s*$/, '');
  if (symbolMention.test(bare)) return `${bare.replace(symbolMention, version)}?`;
  const relative = /\bthe\s+(?:latest|older|earlier|previous|newer)\s+(?:one|resolution|version)\b/i;
  if (relative.test(bare)) return `${bare.replace(relative, version)}?`;
  return `${bare} in ${version}?`;
}

/** What a question is about: the words after "about", else the noun phrase before its verb. */
function topicOf(question: string): string {
  const bare = question.replace(/[?.]\s*$/, '').replace(symbolMention, '').replace(/\s+/g, ' ').trim();
  const after = /\b(?:about|regarding|concerning)\s+(.+)$/i.exec(bare)?.[1];
  if (after && after.split(/\s+/).length <= 8) return after.trim();
  const subject = bare
    .replace(/^(?:which|what|who|when|where|how)\s+(?:(?:is|are|was|were)\s+(?=the\s|an?\s))?/i, '')
    .split(/\s+(?:does|do|did|is|are|was|were|has|have|can|should|must)\s+/i)[0]!
    .trim();
  return subject.length > 0 ? subject : bare;
}

/**
 * "that target" usually points into the last answer, not the question before it: the answer's
 * opening words ("reducing the average transaction cost…") say what the user means.
 */
function answerGist(messages: readonly ChatMessage[]): string {
  const last = messages.at(-1)?.role === 'user' ? messages.at(-2) : messages.at(-1);
  if (last?.role !== 'assistant') return '';
  const words = last.content
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .split(/\s+/)
    .map((word) => word.replace(/[^A-Za-z-]/g, ''))
    .filter((word) => word.length > 3);
  return words.length > 0 ? ` (${words.slice(0, 16).join(' ')})` : '';
}

function versionIn(question: string): string | undefined {
  return symbolMention.exec(question)?.[0];
}

/**
 * Rule-based rewriting: a follow-up that only names a version, a new topic, "its sub-paragraph (k)"
 * or "that paragraph" is merged with the previous standalone question. Anything else stands alone.
 */
export function rewriteFollowUpByRules(messages: readonly ChatMessage[]): RewrittenQuery {
  const userTurns = messages.filter((message) => message.role === 'user').map((message) => message.content.trim());
  const question = userTurns.at(-1) ?? '';
  if (userTurns.length < 2) return { query: question, rewritten: false };
  // Earlier turns are rewritten the same way, so a chain of follow-ups keeps its topic.
  const previous = rewriteFollowUpByRules(messages.slice(0, lastUserIndex(messages))).query;
  const version = versionPhrase(question);
  const rewritten = (query: string): RewrittenQuery => ({ query: query.replace(/\s+/g, ' ').trim(), rewritten: true });

  if (versionOnly.test(question)) return rewritten(withVersion(previous, version));
  if (whichParagraph.test(question)) return rewritten(previous);
  const letter = subParagraph.exec(question)?.[1];
  const parent = /\b(?:paragraph|para\.?|op)\s*(\d{1,3})\b/i.exec(previous)?.[1];
  if (letter && parent) {
    const where = versionIn(previous);
    return rewritten(`${question.replace(subParagraph, `paragraph ${parent} (${letter})`).replace(/[?.]\s*$/, '')}${where ? ` of ${where}` : ''}?`);
  }
  const base = version ? withVersion(previous, version) : previous;
  const replacement = andFor.exec(question)?.[1];
  if (replacement && /\bfor\s+/i.test(base)) {
    return rewritten(`${base.replace(/\bfor\s+(?!.*\bfor\s).*$/i, `for ${replacement}`).replace(/[?.]?$/, '?')}`);
  }
  const topic = aboutTopic.exec(question)?.[1] ?? andTopic.exec(question)?.[1];
  if (topic && topic.split(/\s+/).length <= 6 && !referring.test(topic)) {
    return rewritten(`${base.replace(/[?.]$/, '')} — what about ${topic}?`);
  }
  const pointsAtSomething = /\b(?:that|this)\s+[a-z]+\b|\bits\b/i.test(question);
  const continues = /^\s*(?:and|but|also|what\s+about|how\s+about)\b/i.test(question) || referring.test(question);
  if (version && continues && !pointsAtSomething) {
    const rest = question.replace(/^\s*and\s+/i, '').replace(/\b(?:in|for|under)?\s*(?:the\s+)?(?:(?:19|20)\d\d|older|earlier|previous|latest|newer)\s+(?:one|version|resolution|text)\s*,?\s*/i, '');
    if (sameAgain.test(rest)) return rewritten(withVersion(previous, version));
    return rewritten(`${base.replace(/[?.]\s*$/, '')} — ${rest}`);
  }
  if (referring.test(question) || question.split(/\s+/).length <= 4) {
    const subject = topicOf(previous);
    const carried = version ? '' : versionIn(previous);
    let query = question.replace(/^\s*and\s+/i, '');
    const objectPronoun = /\b(in|of|to|about|for|on|at|from|with|by|into|under)\s+(?:it|them)\b/i;
    // "who may take part in it?" → "who may take part in the International Migration Review Forum?"
    if (objectPronoun.test(query) && !/\b(?:that|this)\s+[a-z]+\b|\bits\b/i.test(query)) query = query.replace(objectPronoun, `$1 ${subject}`);
    else if (/\b(?:that|this)\s+([a-z]+)\b/i.test(query)) query = query.replace(/\b(?:that|this)\s+([a-z]+)\b/i, `the $1 on ${subject}${answerGist(messages)}`);
    else if (/\bits\b/i.test(query)) query = `${query.replace(/\bits\b/i, 'the').replace(/[?.]\s*$/, '')} for ${subject}?`;
    else query = `${query.replace(/[?.]\s*$/, '')} (${subject})?`;
    if (carried && !symbolMention.test(query)) query = `${query.replace(/[?.]\s*$/, '')} in ${carried}?`;
    return rewritten(query);
  }
  return { query: question, rewritten: false };
}

function lastUserIndex(messages: readonly ChatMessage[]): number {
  for (let position = messages.length - 1; position >= 0; position -= 1) if (messages[position]!.role === 'user') return position;
  return 0;
}

export function createRuleFollowUpRewriter(): FollowUpRewriter {
  return { rewrite: async (messages) => rewriteFollowUpByRules(messages) };
}

/**
 * Asks the LLM for a standalone question when the conversation has history; any failure, or an
 * answer that is not a single plausible question, falls back to the rules.
 */
export function createLlmFollowUpRewriter(model: ChatModel, systemPrompt: string): FollowUpRewriter {
  return {
    async rewrite(messages, options = {}) {
      const rules = rewriteFollowUpByRules(messages);
      if (messages.filter((message) => message.role === 'user').length < 2) return rules;
      const transcript = messages
        .slice(-6)
        .map((message) => `${message.role}: ${message.content.replace(/\s+/g, ' ').slice(0, 600)}`)
        .join('\n');
      try {
        let text = '';
        for await (const delta of model.stream(
          [
            { role: 'system', content: systemPrompt },
            { role: 'user', content: `Conversation:\n${transcript}\n\nRewrite the last user question.` },
          ],
          options,
        )) {
          text += delta;
          if (text.length > 400) break;
        }
        const line = text.trim().split('\n')[0]?.trim() ?? '';
        if (line.length < 3 || line.length > 300) return rules;
        return { query: line, rewritten: true };
      } catch {
        return rules;
      }
    },
  };
}
