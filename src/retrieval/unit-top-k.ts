/**
 * Best chunk per unit, then the k best units, without sorting every match: a query word common to half
 * a million chunks must not cost a half-million-element sort. Buffers are sized once for the index and
 * reset after each `take` by walking only the units offered, so the object is reused across queries.
 */
export class UnitTopK {
  private readonly best: Float64Array;
  /** Tie-break key of each unit's best chunk: lower ranks first. */
  private readonly bestOrder: Uint32Array;
  private readonly offered: Uint32Array;
  private offeredCount = 0;

  constructor(unitCount: number) {
    this.best = new Float64Array(unitCount);
    this.bestOrder = new Uint32Array(unitCount);
    this.offered = new Uint32Array(unitCount);
  }

  /**
   * A chunk's score for its unit; scores are positive (BM25+ never gives 0 to a match). Among equal
   * scores the lower `order` wins (the lexical index passes the order in which chunks first matched).
   */
  offer(unit: number, order: number, score: number): void {
    const previous = this.best[unit]!;
    if (previous === 0) {
      this.offered[this.offeredCount++] = unit;
    } else if (score < previous || (score === previous && order > this.bestOrder[unit]!)) return;
    this.best[unit] = score;
    this.bestOrder[unit] = order;
  }

  /**
   * The k best units offered since the last call, best first; ties go to the lower order. The
   * filter is asked only about units that would enter the top k, not about every match.
   */
  take(k: number, keep?: (unit: number) => boolean): Array<{ unit: number; score: number }> {
    const heap: number[] = [];
    // "a ranks below b": lower score, or the same score and a higher order.
    const below = (a: number, b: number) => this.best[a]! < this.best[b]! || (this.best[a] === this.best[b] && this.bestOrder[a]! > this.bestOrder[b]!);
    const siftDown = (start: number) => {
      let parent = start;
      for (;;) {
        const left = parent * 2 + 1;
        const right = left + 1;
        let lowest = parent;
        if (left < heap.length && below(heap[left]!, heap[lowest]!)) lowest = left;
        if (right < heap.length && below(heap[right]!, heap[lowest]!)) lowest = right;
        if (lowest === parent) return;
        [heap[parent], heap[lowest]] = [heap[lowest]!, heap[parent]!];
        parent = lowest;
      }
    };
    for (let position = 0; position < this.offeredCount; position += 1) {
      const unit = this.offered[position]!;
      if (heap.length === k && !below(heap[0]!, unit)) continue;
      if (keep && !keep(unit)) continue;
      if (heap.length < k) {
        heap.push(unit);
        for (let child = heap.length - 1; child > 0; ) {
          const parent = (child - 1) >> 1;
          if (!below(heap[child]!, heap[parent]!)) break;
          [heap[parent], heap[child]] = [heap[child]!, heap[parent]!];
          child = parent;
        }
      } else {
        heap[0] = unit;
        siftDown(0);
      }
    }
    const ranked = heap.sort((a, b) => (below(a, b) ? 1 : below(b, a) ? -1 : 0)).map((unit) => ({ unit, score: this.best[unit]! }));
    for (let position = 0; position < this.offeredCount; position += 1) this.best[this.offered[position]!] = 0;
    this.offeredCount = 0;
    return ranked;
  }
}
