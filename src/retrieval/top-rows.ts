/**
 * The k best (score, order) pairs seen, kept in a min-heap of typed arrays: a candidate that does not
 * beat the k-th best costs one comparison, which is what makes a query word shared by a million chunks
 * cheap to rank. Higher score wins; among equal scores the lower order wins.
 */
export class TopRows {
  private readonly scores: Float64Array;
  private readonly orders: Uint32Array;
  private readonly rows: Uint32Array;
  size = 0;

  constructor(private readonly capacity: number) {
    this.scores = new Float64Array(capacity);
    this.orders = new Uint32Array(capacity);
    this.rows = new Uint32Array(capacity);
  }

  /** True when a candidate with this score (and a higher order than any seen) would be kept. */
  admits(score: number): boolean {
    return this.size < this.capacity || score > this.scores[0]!;
  }

  push(row: number, order: number, score: number): void {
    if (this.size < this.capacity) {
      let child = this.size++;
      while (child > 0) {
        const parent = (child - 1) >> 1;
        if (!this.below(score, order, parent)) break;
        this.move(child, parent);
        child = parent;
      }
      this.place(child, row, order, score);
      return;
    }
    if (!this.below(this.scores[0]!, this.orders[0]!, -1, score, order)) return;
    // Replace the root and sift the newcomer down.
    let parent = 0;
    for (;;) {
      const left = parent * 2 + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const lowest = right < this.size && this.below(this.scores[right]!, this.orders[right]!, left) ? right : left;
      if (!this.below(this.scores[lowest]!, this.orders[lowest]!, -1, score, order)) break;
      this.move(parent, lowest);
      parent = lowest;
    }
    this.place(parent, row, order, score);
  }

  /** The kept rows, best first, and empties the heap. */
  drain(): Array<{ row: number; score: number; order: number }> {
    const kept = [];
    for (let slot = 0; slot < this.size; slot += 1) kept.push({ row: this.rows[slot]!, score: this.scores[slot]!, order: this.orders[slot]! });
    this.size = 0;
    return kept.sort((a, b) => b.score - a.score || a.order - b.order);
  }

  /** Whether (score, order) ranks below the entry in `slot`, or below (otherScore, otherOrder) when slot is -1. */
  private below(score: number, order: number, slot: number, otherScore = this.scores[slot]!, otherOrder = this.orders[slot]!): boolean {
    return score < otherScore || (score === otherScore && order > otherOrder);
  }

  private move(to: number, from: number): void {
    this.scores[to] = this.scores[from]!;
    this.orders[to] = this.orders[from]!;
    this.rows[to] = this.rows[from]!;
  }

  private place(slot: number, row: number, order: number, score: number): void {
    this.scores[slot] = score;
    this.orders[slot] = order;
    this.rows[slot] = row;
  }
}
