import type { ResolutionDocument } from '../corpus/resolution-document.js';

/** Versions of one recurring resolution ("Protection of migrants"), oldest first. */
export interface ResolutionSeries {
  /** Normalised title shared by the versions. */
  key: string;
  title: string;
  body: string;
  documents: ResolutionDocument[];
}

/** Title without case, punctuation, a leading symbol ("74/148.") or spacing differences. */
export function normaliseTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/^\s*\d+\/\d+\s*\.\s*/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Session number from a General Assembly symbol (`A/RES/76/172` → 76), for ordering when dates are missing. */
function sessionOf(symbol: string): number {
  return Number(/\/RES\/(\d+)\//.exec(symbol)?.[1] ?? 0);
}

function chronologicalKey(document: ResolutionDocument): string {
  const date = document.date ?? (document.year !== undefined ? `${document.year}-99-99` : '9999-99-99');
  return `${date}|${String(sessionOf(document.symbol)).padStart(4, '0')}|${document.symbol}`;
}

export function byDate(a: ResolutionDocument, b: ResolutionDocument): number {
  return chronologicalKey(a).localeCompare(chronologicalKey(b));
}

/**
 * Groups documents of one organ sharing a normalised title into series of two or more versions,
 * each ordered by adoption date. A title repeated within one session is not a new version, so
 * only documents with distinct symbols count.
 */
export function findSeries(documents: readonly ResolutionDocument[]): ResolutionSeries[] {
  const groups = new Map<string, ResolutionDocument[]>();
  for (const document of documents) {
    const key = normaliseTitle(document.title);
    if (key.length === 0) continue;
    const groupKey = `${document.body}|${key}`;
    const group = groups.get(groupKey) ?? [];
    if (!group.some((member) => member.symbol === document.symbol)) group.push(document);
    groups.set(groupKey, group);
  }
  const series: ResolutionSeries[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const ordered = [...group].sort(byDate);
    const first = ordered[0]!;
    series.push({ key: normaliseTitle(first.title), title: first.title, body: first.body, documents: ordered });
  }
  return series.sort((a, b) => b.documents.length - a.documents.length || a.key.localeCompare(b.key));
}

/** The series a document belongs to, if any. */
export function seriesOf(series: readonly ResolutionSeries[], symbol: string): ResolutionSeries | undefined {
  return series.find((candidate) => candidate.documents.some((document) => document.symbol === symbol));
}

export function latestInSeries(series: ResolutionSeries): ResolutionDocument {
  return series.documents.at(-1)!;
}

export function earliestInSeries(series: ResolutionSeries): ResolutionDocument {
  return series.documents[0]!;
}

/** The version adopted before `document` in its series, if any. */
export function previousInSeries(series: ResolutionSeries, document: ResolutionDocument): ResolutionDocument | undefined {
  const index = series.documents.findIndex((member) => member.symbol === document.symbol);
  return index > 0 ? series.documents[index - 1] : undefined;
}

export function yearOf(document: ResolutionDocument): number | undefined {
  return document.year ?? (document.date ? Number(document.date.slice(0, 4)) : undefined);
}

/**
 * The version a phrase points at: a symbol or its number ("74/148"), a year ("the 2019 one"),
 * or a relative word ("the older one", "the latest", "the previous text").
 */
export function findVersion(series: ResolutionSeries, phrase: string): ResolutionDocument | undefined {
  const text = phrase.toLowerCase();
  for (const document of series.documents) {
    const number = /(\d+\/\d+)\s*$/.exec(document.symbol)?.[1];
    if (text.includes(document.symbol.toLowerCase()) || (number !== undefined && new RegExp(`(^|[^\\d/])${number}($|[^\\d/])`).test(text))) {
      return document;
    }
  }
  for (const year of text.match(/\b(19|20)\d{2}\b/g) ?? []) {
    const document = series.documents.find((member) => yearOf(member) === Number(year));
    if (document) return document;
  }
  if (/\b(old|older|oldest|earlier|earliest|previous|prior|former|first|original)\b/.test(text)) {
    return /\b(oldest|earliest|first|original)\b/.test(text) || series.documents.length === 2
      ? earliestInSeries(series)
      : series.documents.at(-2);
  }
  if (/\b(new|newer|newest|latest|last|recent|current|later)\b/.test(text)) return latestInSeries(series);
  return undefined;
}
