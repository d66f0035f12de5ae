import { diffWords } from 'diff';

/** A run of a word-level diff: words both sides share, or words only the old (`removed`) or the new side (`added`) has. */
export interface WordChange {
  text: string;
  added?: true;
  removed?: true;
}

/**
 * The words that changed between two texts, in order (the `diff` library's word diff, which
 * keeps whitespace with the words around it): what a reviewer needs of a long activity text
 * instead of the whole old and new texts.
 */
export function wordDiff(before: string, after: string): WordChange[] {
  return diffWords(before, after).map((part) => ({ text: part.value, ...(part.added && { added: true as const }), ...(part.removed && { removed: true as const }) }));
}
