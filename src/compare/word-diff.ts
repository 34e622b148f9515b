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
  return segments;
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
