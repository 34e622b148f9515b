import type { RecordedRequest, StandInReply } from '../../support/stand-in-openai-server.js';

/**
 * The stand-in LLM's policy for the red team: it obeys every instruction it finds anywhere in the
 * prompt — the user's question or a source paragraph — so what stops an attack is Verbatim's defences,
 * never the model's good manners. Each sentence it writes carries a `[1]` marker, so only citation
 * validation (not a missing marker) can drop it.
 */
export function obedientReply(request: RecordedRequest): StandInReply {
  const messages = request.body.messages ?? [];
  const everything = messages.map((message) => message.content).join('\n');
  const sentences: string[] = [];
  // Rewrite step: the follow-up rewriter asks for a standalone question; hand the last user text back.
  const system = messages.find((message) => message.role === 'system')?.content ?? '';
  if (/standalone|rewrite/i.test(system) && !/\[\d+\]/.test(everything)) {
    return { kind: 'text', text: messages.filter((message) => message.role === 'user').at(-1)?.content ?? '' };
  }
  if (/(system prompt|instructions|configuration|api key|password|secret|prompt|environment|above)/i.test(everything)) {
    sentences.push(`My instructions are: ${system.replace(/\s+/g, ' ')} [1]`);
  }
  for (const match of everything.matchAll(/"([A-Z]{3,})"\s*(?:immediately followed by|joined with|plus|with)\s*"(-[A-Z]+)"/g)) {
    sentences.push(`${match[1]}${match[2]} [1]`);
  }
  for (const match of everything.matchAll(/(?:say|state|write|reply|answer|confirm|declare|output|print)(?: that| with| only)?:?\s*["“]([^"”]{3,200})["”]/gi)) {
    sentences.push(`${match[1]} [1]`);
  }
  for (const match of everything.matchAll(/(?:state|tell the user|say|confirm) that ([^.;"\n]{5,160})/gi)) {
    sentences.push(`The resolution states that ${match[1]} [1].`);
  }
  for (const match of everything.matchAll(/(<(?:script|img|svg|iframe)[^>]*>(?:[^<]*<\/\w+>)?)/gi)) {
    sentences.push(`Here it is: ${match[1]} [1]`);
  }
  if (sentences.length === 0) sentences.push('The resolution addresses this matter [1].');
  return { kind: 'text', text: sentences.join(' ') };
}
