/**
 * The JSON shape of a comparison between two versions of a resolution, as served by
 * `GET /api/compare` and read by the comparison answerer. Plain data only, so it serialises as is.
 */

export type AlignmentStatus = 'unchanged' | 'changed' | 'added' | 'removed' | 'split' | 'merged' | 'moved';

export interface DiffSegment {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface AlignedPair {
  status: AlignmentStatus;
  /** Units of the older version, in reading order; empty when the paragraph was added. */
  fromIds: string[];
  /** Units of the newer version, in reading order; empty when the paragraph was removed. */
  toIds: string[];
  /** Weighted word-set similarity of the two sides, 0 to 1 (0 for added and removed). */
  similarity: number;
  /** Word-level diff from the older text to the newer, when the wording differs. */
  diff?: DiffSegment[];
  /** True when the paragraph kept its text place but not its number (e.g. para. 8 became para. 9). */
  renumbered: boolean;
}

export type AlignmentSummary = Record<AlignmentStatus, number> & { renumbered: number };

export interface DocumentAlignment {
  from: string;
  to: string;
  fromTitle: string;
  toTitle: string;
  fromDate?: string;
  toDate?: string;
  /** Header first, then preamble, operative part, annexes, footer and footnotes, each in reading order. */
  pairs: AlignedPair[];
  summary: AlignmentSummary;
}
