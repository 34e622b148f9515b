import type { ResolutionDocument } from '../corpus/resolution-document.js';

/** Which documents a question names: by symbol, by year, or relatively ("the older one", "the latest"). */
export interface QueryDocumentMentions {
  symbols: string[];
  years: number[];
  relative?: 'latest' | 'oldest';
  /** Documents the question names that the corpus does not hold, e.g. "72/179" or "its 2023 resolution". */
  unknown: string[];
  /** Character spans of the mentions, so paragraph parsing and search can ignore them. */
  spans: Array<[number, number]>;
}

const latestPattern =
  /\b(?:the\s+)?(?:latest|newest|newer|most\s+recent|current|recent|last|later)\s+(?:one|resolution|version|text|document)\b|\bthe\s+(?:latest|newest|newer)\b/gi;
const oldestPattern =
  /\b(?:the\s+)?(?:older|oldest|earlier|earliest|previous|prior|first|former)\s+(?:one|resolution|version|text|document)\b|\bthe\s+(?:older|oldest|earlier|earliest)\b/gi;

function symbolKeys(document: ResolutionDocument): string[] {
  const symbol = document.symbol.toLowerCase();
  const keys = [symbol];
  const afterRes = /res\/(.+)$/i.exec(symbol)?.[1];
  if (afterRes) {
    keys.push(afterRes);
    const bare = /^(\d+)\s*\(\d{4}\)$/.exec(afterRes)?.[1];
    if (bare) keys.push(bare);
  }
  return keys;
}

export function sortByDate(documents: readonly ResolutionDocument[]): ResolutionDocument[] {
  const when = (document: ResolutionDocument) => document.date ?? `${document.year ?? 0}`;
  return [...documents].sort((left, right) => when(left).localeCompare(when(right)));
}

/** The documents sharing a title with the given one, oldest first: the versions of one resolution. */
export function seriesOf(document: ResolutionDocument, documents: readonly ResolutionDocument[]): ResolutionDocument[] {
  const title = document.title.trim().toLowerCase();
  return sortByDate(documents.filter((candidate) => candidate.title.trim().toLowerCase() === title));
}

export function extractDocumentMentions(
  question: string,
  documents: readonly ResolutionDocument[],
): QueryDocumentMentions {
  const mentions: QueryDocumentMentions = { symbols: [], years: [], spans: [], unknown: [] };
  const symbolPattern =
    /\b(?:[as]\s*\/\s*res\s*\/\s*)?(\d{1,4}\s*\/\s*\d{1,4}|\d{1,4}\s*\(\d{4}\))|\b(?:resolution|res\.?)\s+(\d{1,4})\b(?!\s*[/\d])/gi;
  for (const match of question.matchAll(symbolPattern)) {
    const raw = (match[1] ?? match[2] ?? '').replace(/\s+/g, '').toLowerCase().replace(/\(/, ' (');
    const found = documents.filter((document) => symbolKeys(document).some((key) => key === raw || key.endsWith(`/${raw}`)));
    for (const document of found) {
      if (!mentions.symbols.includes(document.symbol)) mentions.symbols.push(document.symbol);
    }
    if (found.length > 0) mentions.spans.push([match.index, match.index + match[0].length]);
    else if (match[1] && /\//.test(raw)) mentions.unknown.push(match[0].trim());
  }
  const knownYears = new Set(documents.map((document) => document.year).filter((year) => year !== undefined));
  for (const match of question.matchAll(/\b(19\d\d|20\d\d)\b/g)) {
    const year = Number(match[1]);
    const insideSymbol = mentions.spans.some(([from, to]) => match.index >= from && match.index < to);
    if (knownYears.has(year) && !insideSymbol && !mentions.years.includes(year)) {
      mentions.years.push(year);
      mentions.spans.push([match.index, match.index + match[0].length]);
    }
  }
  const yearPhrase = /\b(?:(?:its|the|a)\s+((?:19|20)\d\d)\s+(?:resolution|version|text)|resolutions?\s+(?:of|from|adopted\s+in)\s+((?:19|20)\d\d))\b/gi;
  for (const match of question.matchAll(yearPhrase)) {
    const year = Number(match[1] ?? match[2]);
    if (!knownYears.has(year) && mentions.symbols.length === 0) mentions.unknown.push(`the ${year} resolution`);
  }
  for (const match of question.matchAll(latestPattern)) {
    mentions.relative = 'latest';
    mentions.spans.push([match.index, match.index + match[0].length]);
  }
  for (const match of question.matchAll(oldestPattern)) {
    mentions.relative = 'oldest';
    mentions.spans.push([match.index, match.index + match[0].length]);
  }
  return mentions;
}
