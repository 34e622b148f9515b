/**
 * The one rule for acceptable ids, shared by retrieval and citation metrics (eval/README.md):
 * walking a ranked list, each distinct expected or acceptable id earns one credit, until as many
 * credits as there are expected ids have been earned. So an acceptable id (say the 2019 twin of a
 * 2021 paragraph) may stand in for one expected id, but the item can never score above 1.
 */
export interface RelevanceJudgement {
  expected: readonly string[];
  acceptable?: readonly string[];
}

/** For each position of `ranked`, whether that id earned a credit. */
export function creditedPositions(ranked: readonly string[], judgement: RelevanceJudgement): boolean[] {
  const expected = new Set(judgement.expected);
  const acceptable = new Set(judgement.acceptable ?? []);
  const seen = new Set<string>();
  let credits = 0;
  return ranked.map((id) => {
    if (seen.has(id)) return false;
    seen.add(id);
    if (credits >= expected.size) return false;
    if (!expected.has(id) && !acceptable.has(id)) return false;
    credits += 1;
    return true;
  });
}

export function isRelevant(id: string, judgement: RelevanceJudgement): boolean {
  return judgement.expected.includes(id) || (judgement.acceptable ?? []).includes(id);
}
