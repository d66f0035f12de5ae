// Characters that print nothing yet can steer a terminal or reorder what it shows: DEL and the C1
// controls (U+009B opens an escape sequence on some terminals), zero-width and bidirectional
// formatting characters, line and paragraph separators.
const INVISIBLE = /[\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * JSON or YAML text with those characters written as `\uXXXX`: the data stays exact, the output is
 * safe to print. Only valid where they can occur solely inside JSON strings or YAML double-quoted scalars.
 */
export function escapeInvisible(text: string): string {
  return text.replace(INVISIBLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Whether `text` holds such a character, so a YAML writer knows to double-quote it. */
export function hasInvisible(text: string): boolean {
  INVISIBLE.lastIndex = 0;
  return INVISIBLE.test(text);
}
