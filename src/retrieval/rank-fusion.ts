import type { UnitHit } from './search-index.js';

export interface FusedHit {
  unitId: string;
  fused: number;
  lexical?: number;
  dense?: number;
}

export type FusionMethod = 'reciprocal-rank' | 'weighted-score';

export interface FusionOptions {
  method: FusionMethod;
  /** Reciprocal-rank constant; 60 is the value from Cormack et al. */
  rankConstant?: number;
  /** Weight of the dense list in weighted fusion; the lexical list gets 1 - weight. */
  denseWeight?: number;
}

/**
 * Fuses lexical and dense hits by unit id, never by text: the two resolutions share identical
 * paragraphs and each must keep its own entry.
 */
export function fuseHits(lexical: readonly UnitHit[], dense: readonly UnitHit[], options: FusionOptions): FusedHit[] {
  const fused = new Map<string, FusedHit>();
  const entry = (unitId: string) => {
    let hit = fused.get(unitId);
    if (!hit) {
      hit = { unitId, fused: 0 };
      fused.set(unitId, hit);
    }
    return hit;
  };
  if (options.method === 'reciprocal-rank') {
    const constant = options.rankConstant ?? 60;
    lexical.forEach((hit, rank) => {
      const target = entry(hit.unitId);
      target.lexical = hit.score;
      target.fused += 1 / (constant + rank + 1);
    });
    dense.forEach((hit, rank) => {
      const target = entry(hit.unitId);
      target.dense = hit.score;
      target.fused += 1 / (constant + rank + 1);
    });
  } else {
    const denseWeight = options.denseWeight ?? 0.5;
    const lexicalNormal = normaliser(lexical);
    const denseNormal = normaliser(dense);
    for (const hit of lexical) {
      const target = entry(hit.unitId);
      target.lexical = hit.score;
      target.fused += (1 - denseWeight) * lexicalNormal(hit.score);
    }
    for (const hit of dense) {
      const target = entry(hit.unitId);
      target.dense = hit.score;
      target.fused += denseWeight * denseNormal(hit.score);
    }
  }
  return [...fused.values()].sort((left, right) => right.fused - left.fused || left.unitId.localeCompare(right.unitId));
}

/** Min-max over the list, so BM25's unbounded scores and cosine similarities share a 0..1 scale. */
function normaliser(hits: readonly UnitHit[]): (score: number) => number {
  if (hits.length === 0) return () => 0;
  const scores = hits.map((hit) => hit.score);
  const highest = Math.max(...scores);
  const lowest = Math.min(...scores);
  const span = highest - lowest;
  return span > 0 ? (score) => (score - lowest) / span : () => 1;
}
