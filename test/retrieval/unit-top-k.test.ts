import { describe, expect, it } from 'vitest';
import { UnitTopK } from '../../src/retrieval/unit-top-k.js';
import { seededRandom as createSeededRandom } from '../../src/retrieval/vector-recall.js';

describe('UnitTopK', () => {
  it('should keep the best chunk of each unit and return the k best units, best first', () => {
    const selection = new UnitTopK(4);
    selection.offer(0, 0, 1.5);
    selection.offer(1, 1, 3);
    selection.offer(0, 2, 4);
    selection.offer(2, 3, 2);
    selection.offer(1, 4, 0.5);
    expect(selection.take(2)).toEqual([
      { unit: 0, score: 4 },
      { unit: 1, score: 3 },
    ]);
  });

  it('should break ties by the lower order', () => {
    const selection = new UnitTopK(3);
    selection.offer(2, 9, 1);
    selection.offer(0, 5, 1);
    selection.offer(1, 7, 1);
    expect(selection.take(3).map((hit) => hit.unit)).toEqual([0, 1, 2]);
  });

  it('should ask the filter only about units that could enter the top k, and skip the ones it refuses', () => {
    const selection = new UnitTopK(100);
    for (let unit = 0; unit < 100; unit += 1) selection.offer(unit, unit, unit + 1);
    const asked: number[] = [];
    const hits = selection.take(3, (unit) => {
      asked.push(unit);
      return unit % 2 === 0;
    });
    expect(hits.map((hit) => hit.unit)).toEqual([98, 96, 94]);
    expect(asked).toHaveLength(100);
    // Offered best first, the heap fills at once and nothing later beats it: only 3 questions.
    const reversed = new UnitTopK(100);
    for (let unit = 99; unit >= 0; unit -= 1) reversed.offer(unit, unit, unit + 1);
    const askedReversed: number[] = [];
    reversed.take(3, (unit) => (askedReversed.push(unit), true));
    expect(askedReversed).toEqual([99, 98, 97]);
  });

  it('should match a full sort on random scores and start empty again after each take', () => {
    const random = createSeededRandom(3);
    const selection = new UnitTopK(50);
    for (let round = 0; round < 20; round += 1) {
      const best = new Map<number, { score: number; row: number }>();
      for (let row = 0; row < 200; row += 1) {
        const unit = Math.floor(random() * 50);
        const score = 1 + Math.floor(random() * 20);
        selection.offer(unit, row, score);
        const previous = best.get(unit);
        if (!previous || score > previous.score) best.set(unit, { score, row });
      }
      const expected = [...best]
        .sort(([, a], [, b]) => b.score - a.score || a.row - b.row)
        .slice(0, 7)
        .map(([unit, { score }]) => ({ unit, score }));
      expect(selection.take(7)).toEqual(expected);
    }
    expect(selection.take(5)).toEqual([]);
  });
});
