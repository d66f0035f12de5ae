import type { FieldChange } from './diffPlans.js';
import type { WordChange } from './wordDiff.js';

// Unchanged text longer than this many words is shortened to its first and last words around a change.
const CONTEXT_WORDS = 6;

/** A run of a field change as a renderer shows it: shared text, or text only the old or the new side has. */
export interface ChangeRun {
  text: string;
  kind: 'same' | 'removed' | 'added';
}

/**
 * A field change as runs for any format: a text as its changed words with a few words of
 * context around each change (the rest elided with "…"), a list or a short value as old → new.
 */
export function fieldChangeRuns(change: Pick<FieldChange, 'words'> & { from: string | string[] | null; to: string | string[] | null }): ChangeRun[] {
  if (change.words) return elided(change.words);
  const shown = (value: string | string[] | null) => (value === null ? '(none)' : Array.isArray(value) ? (value.length ? value.join(', ') : '(none)') : value);
  return [
    { text: shown(change.from), kind: 'removed' },
    { text: ' → ', kind: 'same' },
    { text: shown(change.to), kind: 'added' },
  ];
}

function elided(words: readonly WordChange[]): ChangeRun[] {
  return words.map((part, index): ChangeRun => {
    if (part.added) return { text: part.text, kind: 'added' };
    if (part.removed) return { text: part.text, kind: 'removed' };
    const list = part.text.trim().split(/\s+/);
    if (list.length <= CONTEXT_WORDS * 2) return { text: part.text, kind: 'same' };
    // Context only on a side that touches a change; the whitespace at either end stays, as it separates the words around it.
    const head = index === 0 ? [] : list.slice(0, CONTEXT_WORDS);
    const tail = index === words.length - 1 ? [] : list.slice(-CONTEXT_WORDS);
    const lead = /^\s/.test(part.text) ? ' ' : '';
    const trail = /\s$/.test(part.text) ? ' ' : '';
    return { text: `${lead}${[...head, '…', ...tail].join(' ')}${trail}`, kind: 'same' };
  });
}
