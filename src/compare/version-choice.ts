import type { CorpusStore } from '../corpus/corpus-store.js';
import type { ResolutionDocument } from '../corpus/resolution-document.js';
import type { ComparisonQuestion } from './comparison-question.js';
import { findSeries, findVersion, previousInSeries, type ResolutionSeries } from './resolution-series.js';
import { documentStems } from './unit-stems.js';
import { contentStems } from './word-stems.js';

const seriesCache = new WeakMap<CorpusStore, ResolutionSeries[]>();

function seriesIn(corpus: CorpusStore): ResolutionSeries[] {
  const cached = seriesCache.get(corpus);
  if (cached) return cached;
  const series = findSeries(corpus.documents());
  seriesCache.set(corpus, series);
  return series;
}

export interface ChosenVersions {
  series: ResolutionSeries;
  from: ResolutionDocument;
  to: ResolutionDocument;
  /** True when the question named no version and the latest pair was taken. */
  byDefault: boolean;
}

/**
 * Which two versions a question compares: the ones it names (a year, a symbol), the named one and
 * the version before it, or by default the latest and the one before it. Undefined when the
 * question names a resolution that has no other version in the corpus.
 */
export function chooseVersions(corpus: CorpusStore, question: ComparisonQuestion, questionText: string): ChosenVersions | undefined {
  const candidates = seriesIn(corpus).map((series) => {
    const mentioned = question.versionMentions
      .map((mention) => findVersion(series, mention))
      .filter((document): document is ResolutionDocument => document !== undefined);
    const titleStems = contentStems(series.title);
    const asked = contentStems(questionText);
    const titleHits = [...asked].filter((stem) => titleStems.has(stem)).length;
    // With several series and nothing named, the one whose latest text speaks of the topic is meant.
    const latestStems = documentStems(series.documents.at(-1)!);
    const topicHits = [...asked].filter((stem) => latestStems.has(stem)).length;
    const latestDate = series.documents.at(-1)!.date ?? '';
    return { series, mentioned: [...new Set(mentioned)], titleHits, topicHits, latestDate };
  });
  candidates.sort(
    (a, b) =>
      b.mentioned.length - a.mentioned.length ||
      b.titleHits - a.titleHits ||
      b.topicHits - a.topicHits ||
      b.latestDate.localeCompare(a.latestDate),
  );
  const best = candidates[0];
  if (!best) return undefined;
  const { series, mentioned } = best;
  // A named document outside the chosen series ("resolution 242") has no versions here to compare.
  const unresolved = question.versionMentions.filter((mention) => findVersion(series, mention) === undefined);
  if (unresolved.some((mention) => mention.startsWith('resolution '))) return undefined;
  const ordered = series.documents.filter((document) => mentioned.includes(document));
  if (ordered.length >= 2) return { series, from: ordered[0]!, to: ordered.at(-1)!, byDefault: false };
  if (ordered.length === 1) {
    const named = ordered[0]!;
    const previous = previousInSeries(series, named);
    if (previous) return { series, from: previous, to: named, byDefault: false };
    const next = series.documents[series.documents.indexOf(named) + 1];
    return next ? { series, from: named, to: next, byDefault: false } : undefined;
  }
  if (question.versionMentions.length > 0) return undefined;
  const to = series.documents.at(-1)!;
  return { series, from: series.documents.at(-2)!, to, byDefault: true };
}
