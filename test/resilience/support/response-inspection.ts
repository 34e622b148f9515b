import type { Citation } from '../../../src/answer/answer-types.js';
import type { CorpusStore } from '../../../src/corpus/corpus-store.js';

export interface SpokenAnswer {
  text: string;
  citations: Citation[];
}

/** The answer as a user sees it, from a JSON body (`/api/chat`, stream false) or an SSE body. */
export function readSpokenAnswer(body: string, streamed: boolean): SpokenAnswer {
  if (!streamed) {
    const parsed = JSON.parse(body) as { answer?: string; citations?: Citation[] };
    return { text: parsed.answer ?? '', citations: parsed.citations ?? [] };
  }
  let text = '';
  const citations: Citation[] = [];
  for (const block of body.split('\n\n')) {
    const event = /^event: (.+)$/m.exec(block)?.[1];
    const data = block.split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
    if (!event || !data) continue;
    const payload = JSON.parse(data) as { delta?: string; citations?: Citation[] };
    if (event === 'text-delta') text += payload.delta ?? '';
    if (event === 'citations') citations.push(...(payload.citations ?? []));
  }
  return { text, citations };
}

const normalise = (text: string) => text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();

/** Citations whose quote is not, piece by piece (around ellipses), in the cited unit: fabricated quotes. */
export function fabricatedCitations(citations: readonly Citation[], corpus: CorpusStore): Citation[] {
  return citations.filter((citation) => {
    const unit = corpus.getUnit(citation.id);
    if (!unit) return true;
    const haystack = normalise(`${unit.leadIn ?? ''} ${unit.text}`);
    return normalise(citation.quote)
      .split(/\s*(?:…|\.\.\.)\s*/)
      .filter((piece) => piece.length > 0)
      .some((piece) => !haystack.includes(piece));
  });
}

export function containsAny(text: string, phrases: readonly string[]): string[] {
  const lower = text.toLowerCase();
  return phrases.filter((phrase) => lower.includes(phrase.toLowerCase()));
}
