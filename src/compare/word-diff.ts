import { diffArrays } from 'diff';
import type { DiffSegment } from './alignment-types.js';

/**
 * Words with the spacing after them, hyphenated words and symbols whole ("seventy-fifth", "74/148"),
 * punctuation on its own: `diffWords` splits at hyphens, so "seventy-fifth" → "seventy-seventh"
 * would read as "fifth" → "seventh".
 */
const TOKEN = /[\p{L}\p{N}]+(?:[-‐‑'’/.][\p{L}\p{N}]+)*\s*|[^\p{L}\p{N}\s]\s*|\s+/gu;

function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Word-level diff from the older to the newer text, adjacent segments of one kind joined. */
export function wordDiff(fromText: string, toText: string): DiffSegment[] {
  const segments: DiffSegment[] = [];
  // Spacing is not wording: tokens compare without it.
  const changes = diffArrays(tokens(fromText), tokens(toText), { comparator: (left, right) => left.trim() === right.trim() });
  for (const change of changes) {
    const op: DiffSegment['op'] = change.added ? 'insert' : change.removed ? 'delete' : 'equal';
    const text = change.value.join('');
    const last = segments.at(-1);
    if (last && last.op === op) last.text += text;
    else segments.push({ op, text });
  }
  return detachTrailingSpace(segments);
}

/**
 * A replacement ("18 " → "16 ") keeps its spacing outside the marked words, so a display shows
 * <del>18</del> <ins>16</ins> rather than marking the space too. Pure insertions and deletions keep
 * theirs, or the other side would read a double space.
 */
function detachTrailingSpace(segments: DiffSegment[]): DiffSegment[] {
  const result: DiffSegment[] = [];
  for (let start = 0; start < segments.length; ) {
    if (segments[start]!.op === 'equal') {
      result.push(segments[start]!);
      start += 1;
      continue;
    }
    let end = start;
    while (end < segments.length && segments[end]!.op !== 'equal') end += 1;
    const run = segments.slice(start, end);
    const replaced = run.some((segment) => segment.op === 'delete') && run.some((segment) => segment.op === 'insert');
    const space = replaced ? (run.find((segment) => segment.op === 'delete')!.text.match(/\s+$/)?.[0] ?? '') : '';
    for (const segment of run) result.push(space ? { op: segment.op, text: segment.text.replace(/\s+$/, '') } : segment);
    const next = segments[end];
    if (space && next) next.text = space + next.text.replace(/^\s+/, '');
    else if (space) result.push({ op: 'equal', text: space });
    start = end;
  }
  return result;
}

export interface ChangedRun {
  deleted: string;
  inserted: string;
}

interface OpenRun {
  deleted: string;
  inserted: string;
  hasDelete: boolean;
  hasInsert: boolean;
}

/** Up to this many unchanged words between two edits are read as part of one edit. */
const BRIDGE_WORDS = 2;

/**
 * The edits of a diff as runs of deleted and inserted words, a replacement being one run with both.
 * Edits separated by a word or two ("… on migration [and] mobility in the light of …") form one run,
 * so a quoted addition reads as the phrase that was added, not as fragments.
 */
export function changedRuns(segments: readonly DiffSegment[]): ChangedRun[] {
  const runs: ChangedRun[] = [];
  let current: OpenRun | undefined;
  let bridge = '';
  const close = (): void => {
    if (current) {
      runs.push({ deleted: current.hasDelete ? tidy(current.deleted) : '', inserted: current.hasInsert ? tidy(current.inserted) : '' });
    }
    current = undefined;
    bridge = '';
  };
  for (const segment of segments) {
    if (segment.op === 'equal') {
      const wordCount = segment.text.trim().split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
      if (current && wordCount <= BRIDGE_WORDS && !/[.;]/.test(segment.text)) bridge += segment.text;
      else close();
      continue;
    }
    if (current) {
      current.deleted += bridge;
      current.inserted += bridge;
    }
    bridge = '';
    current ??= { deleted: '', inserted: '', hasDelete: false, hasInsert: false };
    if (segment.op === 'delete') {
      current.deleted += segment.text;
      current.hasDelete = true;
    } else {
      current.inserted += segment.text;
      current.hasInsert = true;
    }
  }
  close();
  return runs.filter((run) => run.deleted !== run.inserted);
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/^[\s,;.]+|[\s,;]+$/g, '');
}
