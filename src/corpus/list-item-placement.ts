import { romanToNumber } from './roman-numeral.js';
import type { UnitDraft } from './unit-draft.js';

export interface ListItem {
  draft: UnitDraft;
  /** Letter token for lettered items; ordinal for roman or digit items. */
  token: string;
  value: number;
  style: 'letter' | 'roman' | 'digit';
}

/** What the current operative paragraph's lists look like when a new `(token)` arrives. */
export interface ListState {
  letter?: ListItem;
  roman?: ListItem;
  lastLevel?: 'letter' | 'roman';
}

export type PlacedItem = Omit<ListItem, 'draft'>;

/** Tokens OCR produces for list letters: "(6)" and "(5)" for "(b)", "(e)" for "(c)", "(1)" for "(l)". */
export const ocrConfusions: Record<string, string[]> = {
  '6': ['b'], '2': ['d', 'z', 'a'], a: ['d'], '5': ['b', 's'], '8': ['g'], '9': ['g'], '0': ['o'], '1': ['l', 'i'], e: ['c'], c: ['e'], l: ['i', '1'],
  ad: ['d'], bob: ['b'], ii: ['i'], il: ['ii'], ti: ['ii'], iti: ['iii'], tii: ['iii'],
};

function nextLetter(token: string | undefined): string {
  if (token === undefined) return 'a';
  const last = token.charCodeAt(token.length - 1);
  return last === 122 ? `${token}a` : String.fromCharCode(last + 1);
}

/** Decides whether `(token)` continues the lettered list or the roman/digit list below it, or neither. */
export function placeListItem(state: ListState, token: string, following: string | undefined): PlacedItem | undefined {
  if (/^\d+$/.test(token)) {
    const value = Number(token);
    if (state.roman && value === state.roman.value + 1) return { token, value, style: state.roman.style };
    // "(1)" followed by "(ii)" is an OCR misreading of "(i)".
    if (value === 1) return { token, value: 1, style: following === 'ii' ? 'roman' : 'digit' };
    return undefined;
  }
  const romanValue = romanToNumber(token);
  const romanFits =
    romanValue !== undefined &&
    (state.roman ? state.roman.style !== 'letter' && romanValue === state.roman.value + 1 : romanValue === 1);
  const letterFits = token.length === 1 && token === nextLetter(state.letter?.token);
  if (romanFits && letterFits) {
    if (state.roman && state.lastLevel === 'roman') return { token, value: romanValue ?? 0, style: 'roman' };
    if (token === 'i' && following === 'ii') return { token, value: 1, style: 'roman' };
    return { token, value: token.charCodeAt(0) - 96, style: 'letter' };
  }
  if (letterFits) return { token, value: token.charCodeAt(0) - 96, style: 'letter' };
  if (romanFits) return { token, value: romanValue ?? 0, style: 'roman' };
  return undefined;
}
