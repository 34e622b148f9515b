import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/**
 * One golden-set item, one JSON object per line of a JSONL file. The snake_case keys are the file
 * format (shared with evaluators' own sets), so they are kept as written rather than camel-cased.
 */

/** `A/RES/76/172:OP5(b)`: a symbol, a colon, a unit. Checked loosely here; existence is checked against the corpus. */
const unitIdSchema = z
  .string()
  .regex(/^[^:\s][^:]*:[A-Z][A-Za-z0-9():]*$/, 'must be a canonical unit id such as A/RES/76/172:OP5(b)');

const chatTurnSchema = z.object({
  role: z.enum(['user', 'assistant', 'system']),
  content: z.string().min(1, 'must not be empty'),
});

export const goldenItemSchema = z
  .object({
    id: z.string().min(1, 'must not be empty'),
    question: z.string().trim().min(1, 'must not be empty'),
    history: z.array(chatTurnSchema).optional(),
    type: z.string().min(1).optional(),
    expected_citations: z.array(unitIdSchema),
    acceptable_citations: z.array(unitIdSchema).optional(),
    key_facts: z.array(z.string().trim().min(1, 'must not be empty')),
    answer: z.string().optional(),
  })
  .strict()
  .superRefine((item, context) => {
    if (item.expected_citations.length === 0 && item.key_facts.length > 0) {
      context.addIssue({
        code: 'custom',
        path: ['key_facts'],
        message: 'an unanswerable item (empty expected_citations) cannot have key facts',
      });
    }
    const expected = new Set(item.expected_citations);
    for (const id of item.acceptable_citations ?? []) {
      if (expected.has(id)) {
        context.addIssue({ code: 'custom', path: ['acceptable_citations'], message: `${id} is already expected` });
      }
    }
  });

export type GoldenItem = z.output<typeof goldenItemSchema>;

/** The type used for breakdowns when an item has none. */
export const untypedLabel = 'untyped';

export function isAnswerable(item: GoldenItem): boolean {
  return item.expected_citations.length > 0;
}

export class GoldenSetError extends Error {
  override name = 'GoldenSetError';
  constructor(readonly problems: string[]) {
    super(`Invalid golden set:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
  }
}

/** Parses JSONL text; every bad line is reported as `file:line: what is wrong`, all at once. */
export function parseGoldenSet(text: string, fileName: string): GoldenItem[] {
  const items: GoldenItem[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((line, index) => {
    const lineNumber = index + 1;
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      problems.push(`${fileName}:${lineNumber}: not valid JSON (${(error as Error).message})`);
      return;
    }
    const result = goldenItemSchema.safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const where = issue.path.length > 0 ? issue.path.join('.') : 'item';
        problems.push(`${fileName}:${lineNumber}: ${where}: ${issue.message}`);
      }
      return;
    }
    const previous = seen.get(result.data.id);
    if (previous !== undefined) {
      problems.push(`${fileName}:${lineNumber}: id: duplicate id "${result.data.id}" (first on line ${previous})`);
      return;
    }
    seen.set(result.data.id, lineNumber);
    items.push(result.data);
  });
  if (problems.length === 0 && items.length === 0) problems.push(`${fileName}: no items`);
  if (problems.length > 0) throw new GoldenSetError(problems);
  return items;
}

export async function loadGoldenSet(path: string): Promise<GoldenItem[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new GoldenSetError([`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`]);
  }
  return parseGoldenSet(text, path);
}
