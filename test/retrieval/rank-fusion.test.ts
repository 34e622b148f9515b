import { describe, expect, it } from 'vitest';
import { fuseHits } from '../../src/retrieval/rank-fusion.js';

describe('fuseHits', () => {
  const lexical = [
    { unitId: 'A/RES/76/172:OP5(b)', score: 12 },
    { unitId: 'A/RES/74/148:OP4(b)', score: 12 },
    { unitId: 'A/RES/76/172:OP6(k)', score: 3 },
  ];
  const dense = [
    { unitId: 'A/RES/74/148:OP4(b)', score: 0.8 },
    { unitId: 'A/RES/76/172:OP5(b)', score: 0.8 },
    { unitId: 'A/RES/76/172:PP9', score: 0.5 },
  ];

  it('should keep identical paragraphs of both documents as separate entries, keyed by unit id', () => {
    for (const method of ['reciprocal-rank', 'weighted-score'] as const) {
      const fused = fuseHits(lexical, dense, { method });
      const ids = fused.map((hit) => hit.unitId);
      expect(ids).toContain('A/RES/76/172:OP5(b)');
      expect(ids).toContain('A/RES/74/148:OP4(b)');
      expect(new Set(ids).size).toBe(4);
    }
  });

  it('should rank a unit found by both lists above one found by a single list', () => {
    const fused = fuseHits(lexical, dense, { method: 'reciprocal-rank' });
    const rank = (id: string) => fused.findIndex((hit) => hit.unitId === id);
    expect(rank('A/RES/76/172:OP5(b)')).toBeLessThan(rank('A/RES/76/172:OP6(k)'));
    expect(rank('A/RES/76/172:OP5(b)')).toBeLessThan(rank('A/RES/76/172:PP9'));
    expect(fused[0]!.lexical).toBeDefined();
    expect(fused[0]!.dense).toBeDefined();
  });

  it('should weight the dense list by denseWeight in weighted fusion', () => {
    const denseOnly = fuseHits(lexical, dense, { method: 'weighted-score', denseWeight: 1 });
    expect(denseOnly.find((hit) => hit.unitId === 'A/RES/76/172:OP6(k)')!.fused).toBe(0);
    const lexicalOnly = fuseHits(lexical, dense, { method: 'weighted-score', denseWeight: 0 });
    expect(lexicalOnly.find((hit) => hit.unitId === 'A/RES/76/172:PP9')!.fused).toBe(0);
  });
});
