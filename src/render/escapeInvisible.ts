import { UNSAFE_CHARACTER } from '../text/sanitize.js';

// The characters sanitize shows as \u{…}, less the line breaks and tabs that JSON and YAML use as
// layout (both writers escape those inside strings themselves).
const INVISIBLE = new RegExp(`(?![\\t\\n\\r])${UNSAFE_CHARACTER.source}`, 'gu');

/**
 * JSON or YAML text with those characters written as `\uXXXX` (a surrogate pair beyond the BMP): the
 * data stays exact, the output is safe to print. Only valid where they can occur solely inside JSON
 * strings or YAML double-quoted scalars.
 */
export function escapeInvisible(text: string): string {
  return text.replace(INVISIBLE, (char) => {
    let escaped = '';
    for (let i = 0; i < char.length; i++) escaped += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
    return escaped;
  });
}

/** Whether `text` holds such a character, so a YAML writer knows to double-quote it. */
export function hasInvisible(text: string): boolean {
  INVISIBLE.lastIndex = 0;
  return INVISIBLE.test(text);
}
