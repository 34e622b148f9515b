import { describe, expect, it } from 'vitest';
import { TopRows } from '../../src/retrieval/top-rows.js';
import { seededRandom } from '../../src/retrieval/vector-recall.js';

describe('TopRows', () => {
  it('should keep the k best rows, best first, ties to the lower order', () => {
    const top = new TopRows(3);
    [5, 9, 1, 9, 7, 3].forEach((score, order) => {
      if (top.admits(score)) top.push(100 + order, order, score);
    });
    expect(top.drain().map(({ row, score }) => [row, score])).toEqual([
      [101, 9],
      [103, 9],
      [104, 7],
    ]);
    expect(top.drain()).toEqual([]);
  });

  it('should match a full sort on random scores with many ties', () => {
    const random = seededRandom(5);
    for (let round = 0; round < 50; round += 1) {
      const capacity = 1 + Math.floor(random() * 12);
      const scores = Array.from({ length: 300 }, () => Math.floor(random() * 25));
      const top = new TopRows(capacity);
      scores.forEach((score, order) => {
        if (top.admits(score)) top.push(order, order, score);
      });
      const expected = scores
        .map((score, order) => ({ row: order, score, order }))
        .sort((a, b) => b.score - a.score || a.order - b.order)
        .slice(0, capacity);
      expect(top.drain()).toEqual(expected);
    }
  });
});
