import { type StemWeight, unionOf, weightedContainment, weightedJaccard } from './text-similarity.js';

export type SequenceMatchKind = 'match' | 'moved' | 'split' | 'merged' | 'added' | 'removed';

/** A group of positions in the older (`from`) and newer (`to`) sequence that correspond. */
export interface SequenceMatch {
  kind: SequenceMatchKind;
  from: number[];
  to: number[];
  similarity: number;
}

export interface SequenceAlignmentOptions {
  /** Least similarity for two paragraphs in the same order to count as one paragraph, reworded. */
  matchThreshold?: number;
  /** Least similarity for two paragraphs left over between the same two matched neighbours. */
  gapThreshold?: number;
  /** Least similarity for an out-of-order pair to count as one paragraph that moved. */
  moveThreshold?: number;
  /** Least share of a neighbour's words found in the joined paragraph for a split or merge. */
  containmentThreshold?: number;
  /** Least gain in similarity from joining the neighbour for a split or merge. */
  joinGain?: number;
  /**
   * A tiny preference among equally similar pairs (identical text, the same number), far below any
   * real difference in similarity, so it only breaks ties.
   */
  tieBreak?: (fromIndex: number, toIndex: number) => number;
}

type Settings = Required<Omit<SequenceAlignmentOptions, 'tieBreak'>> & Pick<SequenceAlignmentOptions, 'tieBreak'>;

const defaults: Settings = {
  matchThreshold: 0.4,
  gapThreshold: 0.25,
  moveThreshold: 0.55,
  containmentThreshold: 0.7,
  joinGain: 0.05,
};

/** Weight given to containment: a paragraph extended with a long new clause is still that paragraph. */
const CONTAINMENT_FACTOR = 0.7;
/** Below this many stems, containment says little (every short paragraph is inside some long one). */
const MIN_CONTAINMENT_SIZE = 4;

/**
 * Similarity of two paragraphs: their weighted Jaccard, or, when one is mostly contained in the
 * other (a clause was appended), a discounted containment of the smaller in the larger.
 */
export function paragraphSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>, weight: StemWeight): number {
  const jaccard = weightedJaccard(a, b, weight);
  if (Math.min(a.size, b.size) < MIN_CONTAINMENT_SIZE) return jaccard;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  return Math.max(jaccard, CONTAINMENT_FACTOR * weightedContainment(small, large, weight));
}

/**
 * Aligns two sequences of paragraphs (given as stem sets): an order-preserving dynamic programme
 * keeps the heaviest chain of similar pairs (a weighted LCS), strong pairs outside the chain are
 * moves, and an unmatched neighbour whose words the partner absorbs makes a split (1→2) or merge (2→1).
 */
export function alignSequences(
  from: readonly ReadonlySet<string>[],
  to: readonly ReadonlySet<string>[],
  weight: StemWeight,
  options: SequenceAlignmentOptions = {},
): SequenceMatch[] {
  const settings: Settings = { ...defaults, ...options };
  const rows = from.length;
  const columns = to.length;
  const similarity = similarityMatrix(from, to, weight);
  const at = (i: number, j: number): number => similarity[i * columns + j]!;

  const fromPartner = new Int32Array(rows).fill(-1);
  const toPartner = new Int32Array(columns).fill(-1);
  const matches: SequenceMatch[] = [];

  const tieBreak = settings.tieBreak;
  const gain = tieBreak ? (i: number, j: number): number => at(i, j) + tieBreak(i, j) : at;
  const pair = (kind: SequenceMatchKind, i: number, j: number): SequenceMatch => {
    fromPartner[i] = j;
    toPartner[j] = i;
    const match: SequenceMatch = { kind, from: [i], to: [j], similarity: at(i, j) };
    matches.push(match);
    return match;
  };
  const absorb = (match: SequenceMatch): void => {
    absorbNeighbours(match, 'from', from, to, fromPartner, weight, settings);
    if (match.from.length === 1) absorbNeighbours(match, 'to', to, from, toPartner, weight, settings);
  };

  const chain = orderedChain(rows, columns, gain, settings.matchThreshold);
  for (const [i, j] of chain) pair('match', i, j);
  // Splits and merges first, so a paragraph absorbed by its neighbour is not spent on a weak pair.
  for (const match of [...matches]) absorb(match);

  // Between two anchors of the chain, paragraphs left over on both sides sit in the same place,
  // which is itself evidence: there a rewrite ("the eleventh summit" → "the thirteenth summit") counts
  // with less shared wording.
  const anchors: Array<[number, number]> = [[-1, -1], ...chain, [rows, columns]];
  const gapMatches: SequenceMatch[] = [];
  for (let anchor = 0; anchor + 1 < anchors.length; anchor += 1) {
    const [fromStart, toStart] = anchors[anchor]!;
    const [fromEnd, toEnd] = anchors[anchor + 1]!;
    const gapFrom = range(fromStart + 1, fromEnd).filter((i) => fromPartner[i] === -1);
    const gapTo = range(toStart + 1, toEnd).filter((j) => toPartner[j] === -1);
    if (gapFrom.length === 0 || gapTo.length === 0) continue;
    const inGap = (i: number, j: number): number => gain(gapFrom[i]!, gapTo[j]!);
    for (const [i, j] of orderedChain(gapFrom.length, gapTo.length, inGap, settings.gapThreshold)) {
      gapMatches.push(pair('match', gapFrom[i]!, gapTo[j]!));
    }
  }

  const moveCandidates: Array<[number, number, number]> = [];
  for (let i = 0; i < rows; i += 1) {
    if (fromPartner[i] !== -1) continue;
    for (let j = 0; j < columns; j += 1) {
      if (toPartner[j] === -1 && at(i, j) >= settings.moveThreshold) moveCandidates.push([at(i, j), i, j]);
    }
  }
  moveCandidates.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const moves: SequenceMatch[] = [];
  for (const [, i, j] of moveCandidates) {
    if (fromPartner[i] === -1 && toPartner[j] === -1) moves.push(pair('moved', i, j));
  }
  for (const match of [...gapMatches, ...moves]) absorb(match);

  for (let i = 0; i < rows; i += 1) {
    if (fromPartner[i] === -1) matches.push({ kind: 'removed', from: [i], to: [], similarity: 0 });
  }
  for (let j = 0; j < columns; j += 1) {
    if (toPartner[j] === -1) matches.push({ kind: 'added', from: [], to: [j], similarity: 0 });
  }
  return matches;
}

interface IndexedSet {
  ids: Int32Array;
  total: number;
  size: number;
}

/**
 * Every pairwise `paragraphSimilarity`, computed on sorted integer ids so the n × m comparisons of
 * two 150-paragraph texts cost a few milliseconds.
 */
function similarityMatrix(
  from: readonly ReadonlySet<string>[],
  to: readonly ReadonlySet<string>[],
  weight: StemWeight,
): Float64Array {
  const vocabulary = new Map<string, number>();
  const weights: number[] = [];
  const index = (stems: ReadonlySet<string>): IndexedSet => {
    const ids: number[] = [];
    let total = 0;
    for (const stem of stems) {
      let id = vocabulary.get(stem);
      if (id === undefined) {
        id = weights.length;
        vocabulary.set(stem, id);
        weights.push(weight(stem));
      }
      ids.push(id);
      total += weights[id]!;
    }
    return { ids: Int32Array.from(ids).sort(), total, size: stems.size };
  };
  const fromSets = from.map(index);
  const toSets = to.map(index);
  const matrix = new Float64Array(from.length * to.length);
  for (let i = 0; i < fromSets.length; i += 1) {
    const a = fromSets[i]!;
    for (let j = 0; j < toSets.length; j += 1) {
      const b = toSets[j]!;
      let shared = 0;
      let x = 0;
      let y = 0;
      while (x < a.ids.length && y < b.ids.length) {
        const left = a.ids[x]!;
        const right = b.ids[y]!;
        if (left === right) {
          shared += weights[left]!;
          x += 1;
          y += 1;
        } else if (left < right) x += 1;
        else y += 1;
      }
      const union = a.total + b.total - shared;
      let score = union > 0 ? shared / union : a.size === 0 && b.size === 0 ? 1 : 0;
      if (Math.min(a.size, b.size) >= MIN_CONTAINMENT_SIZE) {
        const smaller = a.size <= b.size ? a.total : b.total;
        if (smaller > 0) score = Math.max(score, CONTAINMENT_FACTOR * (shared / smaller));
      }
      matrix[i * toSets.length + j] = score;
    }
  }
  return matrix;
}

function range(start: number, end: number): number[] {
  return Array.from({ length: Math.max(0, end - start) }, (_, offset) => start + offset);
}

/** Heaviest order-preserving chain of pairs at or above the threshold (O(rows × columns)). */
function orderedChain(
  rows: number,
  columns: number,
  at: (i: number, j: number) => number,
  threshold: number,
): Array<[number, number]> {
  const width = columns + 1;
  const score = new Float64Array((rows + 1) * width);
  for (let i = 1; i <= rows; i += 1) {
    for (let j = 1; j <= columns; j += 1) {
      const pair = at(i - 1, j - 1);
      const diagonal = pair >= threshold ? score[(i - 1) * width + j - 1]! + pair : -Infinity;
      score[i * width + j] = Math.max(diagonal, score[(i - 1) * width + j]!, score[i * width + j - 1]!);
    }
  }
  const chain: Array<[number, number]> = [];
  let i = rows;
  let j = columns;
  while (i > 0 && j > 0) {
    const here = score[i * width + j]!;
    const pair = at(i - 1, j - 1);
    if (pair >= threshold && here === score[(i - 1) * width + j - 1]! + pair) {
      chain.push([i - 1, j - 1]);
      i -= 1;
      j -= 1;
    } else if (here === score[(i - 1) * width + j]!) {
      i -= 1;
    } else {
      j -= 1;
    }
  }
  return chain.reverse();
}

/**
 * Grows a 1:1 match on one side with unmatched adjacent paragraphs whose words the other side
 * holds, when joining them makes the two sides more alike: two paragraphs merged into one, or one
 * split in two.
 */
function absorbNeighbours(
  match: SequenceMatch,
  side: 'from' | 'to',
  own: readonly ReadonlySet<string>[],
  other: readonly ReadonlySet<string>[],
  partner: Int32Array,
  weight: StemWeight,
  settings: Settings,
): void {
  const ownIndexes = match[side];
  const otherIndexes = side === 'from' ? match.to : match.from;
  if (ownIndexes.length !== 1 || otherIndexes.length !== 1) return;
  const anchor = ownIndexes[0]!;
  const target = other[otherIndexes[0]!]!;
  let joined = [anchor];
  let best = weightedJaccard(own[anchor]!, target, weight);
  for (const step of [-1, 1]) {
    const neighbour = anchor + step;
    if (neighbour < 0 || neighbour >= own.length || partner[neighbour] !== -1) continue;
    if (weightedContainment(own[neighbour]!, target, weight) < settings.containmentThreshold) continue;
    const candidate = [...joined, neighbour].sort((a, b) => a - b);
    const score = weightedJaccard(unionOf(candidate.map((index) => own[index]!)), target, weight);
    if (score >= best + settings.joinGain) {
      joined = candidate;
      best = score;
    }
  }
  if (joined.length === 1) return;
  for (const index of joined) partner[index] = otherIndexes[0]!;
  match[side] = joined;
  match.kind = side === 'from' ? 'merged' : 'split';
  match.similarity = Math.max(match.similarity, best);
}
