/** Weight of a stem: rare stems (numbers, named instruments) say more about identity than "migrants". */
export type StemWeight = (stem: string) => number;

/** Inverse document frequency over the units being compared, so the weights fit this pair of texts. */
export function createStemWeights(stemSets: readonly ReadonlySet<string>[]): StemWeight {
  const documentFrequency = new Map<string, number>();
  for (const stems of stemSets) {
    for (const stem of stems) documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
  }
  const total = Math.max(1, stemSets.length);
  const weights = new Map<string, number>();
  for (const [stem, frequency] of documentFrequency) weights.set(stem, Math.log(1 + total / frequency));
  const unseen = Math.log(1 + total);
  return (stem) => weights.get(stem) ?? unseen;
}

function totalWeight(stems: ReadonlySet<string>, weight: StemWeight): number {
  let sum = 0;
  for (const stem of stems) sum += weight(stem);
  return sum;
}

function sharedWeight(a: ReadonlySet<string>, b: ReadonlySet<string>, weight: StemWeight): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const stem of small) if (large.has(stem)) sum += weight(stem);
  return sum;
}

/** Weighted Jaccard of two stem sets, 0 (nothing shared) to 1 (same stems). */
export function weightedJaccard(a: ReadonlySet<string>, b: ReadonlySet<string>, weight: StemWeight): number {
  if (a.size === 0 && b.size === 0) return 1;
  const shared = sharedWeight(a, b, weight);
  const union = totalWeight(a, weight) + totalWeight(b, weight) - shared;
  return union > 0 ? shared / union : 0;
}

/** Share of `part`'s weight that `whole` also holds: 1 when every stem of `part` is in `whole`. */
export function weightedContainment(part: ReadonlySet<string>, whole: ReadonlySet<string>, weight: StemWeight): number {
  const partWeight = totalWeight(part, weight);
  return partWeight > 0 ? sharedWeight(part, whole, weight) / partWeight : 0;
}

export function unionOf(sets: readonly ReadonlySet<string>[]): Set<string> {
  const union = new Set<string>();
  for (const set of sets) for (const item of set) union.add(item);
  return union;
}
