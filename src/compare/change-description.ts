import type { CorpusStore } from '../corpus/corpus-store.js';
import type { AlignedPair } from './alignment-types.js';
import { changedRuns } from './word-diff.js';
import { contentStems, stemWord, words } from './word-stems.js';

/** One sentence of a comparison answer and the units it rests on. */
export interface ComparisonSentence {
  text: string;
  unitIds: string[];
}

const QUOTE_WORDS = 30;

/** At most `limit` words of a text, centred on the first topic word when there is one. */
export function excerpt(text: string, topic: readonly string[] = [], limit = QUOTE_WORDS): string {
  const tokens = text.replace(/\s+/g, ' ').trim().replace(/^(?:\d+\.|\([a-z]+\))\s+/, '').split(' ');
  if (tokens.length <= limit) return tokens.join(' ').replace(/[;,:]$/, '');
  const topicSet = new Set(topic);
  const hit = tokens.findIndex((token) => words(token).some((word) => topicSet.has(stemWord(word))));
  const start = hit === -1 ? 0 : Math.max(0, Math.min(hit - Math.floor(limit / 3), tokens.length - limit));
  const slice = tokens.slice(start, start + limit).join(' ').replace(/[;,:]$/, '');
  return `${start > 0 ? '… ' : ''}${slice}${start + limit < tokens.length ? ' …' : ''}`;
}

export function labelOf(corpus: CorpusStore, id: string): string {
  return corpus.getUnit(id)?.label ?? id;
}

function labels(corpus: CorpusStore, ids: readonly string[]): string {
  const all = ids.map((id) => labelOf(corpus, id));
  return all.length <= 1 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
}

/** Words changed in the pair, as "adds …", "drops …", "replaces … with …" clauses. */
export function changeClauses(pair: AlignedPair, topic: readonly string[] = [], limit = 3): string[] {
  const runs = changedRuns(pair.diff ?? []);
  const topicSet = new Set(topic);
  const touches = (text: string): boolean => [...contentStems(text)].some((stem) => topicSet.has(stem));
  // Runs that touch the topic first, then the longest, so the clause list shows what matters.
  const ranked = [...runs].sort(
    (a, b) =>
      Number(touches(b.inserted + ' ' + b.deleted)) - Number(touches(a.inserted + ' ' + a.deleted)) ||
      b.inserted.length + b.deleted.length - (a.inserted.length + a.deleted.length),
  );
  const chosen = new Set(ranked.slice(0, limit));
  const clauses = runs
    .filter((run) => chosen.has(run))
    .map((run) => {
      if (run.inserted && run.deleted) return `replaces "${excerpt(run.deleted, topic)}" with "${excerpt(run.inserted, topic)}"`;
      if (run.inserted) return `adds "${excerpt(run.inserted, topic)}"`;
      return `drops "${excerpt(run.deleted, topic)}"`;
    });
  if (runs.length > chosen.size) clauses.push(`makes ${runs.length - chosen.size} smaller edit${runs.length - chosen.size === 1 ? '' : 's'}`);
  return clauses;
}

function joinClauses(clauses: readonly string[]): string {
  return clauses.length <= 1 ? (clauses[0] ?? '') : `${clauses.slice(0, -1).join(', ')} and ${clauses.at(-1)}`;
}

/** So few words survive that listing the edits would be noise; the new wording says more. */
function rewritten(pair: AlignedPair): boolean {
  return pair.similarity < 0.5 && changedRuns(pair.diff ?? []).length > 4;
}

/**
 * A sentence saying what happened to one aligned pair, quoting the changed words and citing the
 * units of both versions.
 */
export function describePair(
  pair: AlignedPair,
  corpus: CorpusStore,
  toSymbol: string,
  topic: readonly string[] = [],
): ComparisonSentence {
  const unitIds = [...pair.fromIds, ...pair.toIds];
  const from = labels(corpus, pair.fromIds);
  const to = labels(corpus, pair.toIds);
  const toText = pair.toIds.map((id) => corpus.getUnit(id)?.text ?? '').join(' ');
  const fromText = pair.fromIds.map((id) => corpus.getUnit(id)?.text ?? '').join(' ');
  const changes = joinClauses(changeClauses(pair, topic));
  const origin = pair.renumbered ? `formerly ${from}` : `as in ${from}`;
  let text: string;
  switch (pair.status) {
    case 'added':
      text = `${to} is new: "${excerpt(toText, topic)}".`;
      break;
    case 'removed':
      text = `${from} was dropped from ${toSymbol}: "${excerpt(fromText, topic)}".`;
      break;
    case 'unchanged':
      text = `${to} (${origin}) is unchanged: "${excerpt(toText, topic)}".`;
      break;
    case 'changed':
      text = rewritten(pair)
        ? `${to} rewrites ${from}, now reading: "${excerpt(toText, topic)}".`
        : `${to} ${changes} compared with ${from}.`;
      break;
    case 'moved':
      text = `${from} moved to ${to}${changes ? ` and ${changes}` : ', its wording unchanged'}.`;
      break;
    case 'split':
      text = `${from} was split into ${to}${changes ? `, which ${changes}` : ''}.`;
      break;
    case 'merged':
      text = `${from} were merged into ${to}${changes ? `, which ${changes}` : ''}.`;
      break;
  }
  return { text, unitIds };
}

function plain(text: string): string {
  return text.replace(/[*_]/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * The words of each unit of a pair that a citation should show: the words added to (or dropped
 * from) it when it changed, else the passage on the topic. Always a verbatim stretch of the unit.
 */
export function supportingQuotes(pair: AlignedPair, corpus: CorpusStore, topic: readonly string[] = []): Record<string, string> {
  const quotes: Record<string, string> = {};
  const runs = changedRuns(pair.diff ?? []);
  const topicSet = new Set(topic);
  const onTopic = (text: string): number => Number([...contentStems(text)].some((stem) => topicSet.has(stem)));
  const quote = (ids: readonly string[], side: 'inserted' | 'deleted'): void => {
    const candidates = runs
      .map((run) => run[side])
      .filter((text) => words(text).length >= 2)
      .sort((a, b) => onTopic(b) - onTopic(a) || b.length - a.length);
    for (const id of ids) {
      const text = plain(corpus.getUnit(id)?.text ?? '');
      if (!text) continue;
      const changed = candidates.find((candidate) => text.includes(candidate));
      quotes[id] = changed ?? excerpt(text, topic).replace(/^… | …$/g, '');
    }
  };
  quote(pair.toIds, 'inserted');
  quote(pair.fromIds, 'deleted');
  return quotes;
}
