import { describe, expect, it } from 'vitest';
import { GoldenSetError, parseGoldenSet } from '../../eval/golden-item.js';

function problemsOf(text: string): string[] {
  try {
    parseGoldenSet(text, 'set.jsonl');
  } catch (error) {
    if (error instanceof GoldenSetError) return error.problems;
    throw error;
  }
  return [];
}

const good = { id: 'q1', question: 'What?', expected_citations: ['A/RES/76/172:OP5(b)'], key_facts: ['fact'] };

describe('parseGoldenSet', () => {
  it('should parse valid lines and skip blank ones', () => {
    const items = parseGoldenSet(`${JSON.stringify(good)}\n\n${JSON.stringify({ ...good, id: 'q2', expected_citations: [], key_facts: [] })}\n`, 'set.jsonl');
    expect(items.map((item) => item.id)).toEqual(['q1', 'q2']);
  });

  it('should report bad JSON with file and line', () => {
    expect(problemsOf(`${JSON.stringify(good)}\n{not json`)).toEqual([expect.stringMatching(/^set\.jsonl:2: not valid JSON/)]);
  });

  it('should name the field that is wrong', () => {
    const problems = problemsOf(JSON.stringify({ id: 'q1', question: '', expected_citations: ['OP5'], key_facts: ['x'] }));
    expect(problems).toContain('set.jsonl:1: question: must not be empty');
    expect(problems.some((problem) => problem.startsWith('set.jsonl:1: expected_citations.0: must be a canonical unit id'))).toBe(true);
  });

  it('should reject unknown keys, duplicate ids and key facts on unanswerable items', () => {
    const lines = [
      JSON.stringify({ ...good, extra: 1 }),
      JSON.stringify(good),
      JSON.stringify(good),
      JSON.stringify({ ...good, id: 'q3', expected_citations: [] }),
    ].join('\n');
    const problems = problemsOf(lines);
    expect(problems[0]).toMatch(/^set\.jsonl:1: item: .*extra/);
    expect(problems).toContain('set.jsonl:3: id: duplicate id "q1" (first on line 2)');
    expect(problems).toContain('set.jsonl:4: key_facts: an unanswerable item (empty expected_citations) cannot have key facts');
  });

  it('should reject a history turn with an unknown role and an empty file', () => {
    expect(problemsOf(JSON.stringify({ ...good, history: [{ role: 'bot', content: 'x' }] }))[0]).toMatch(/^set\.jsonl:1: history\.0\.role:/);
    expect(problemsOf('\n')).toEqual(['set.jsonl: no items']);
  });
});
