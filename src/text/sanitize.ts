// Plan text is untrusted: a title could carry escape sequences that a terminal would obey (colours, a
// cleared screen, a hyperlink whose target is not its text, a window title), or invisible characters that
// make one code look like another or reorder what is shown.

/**
 * What no output may carry raw from the data: control characters (C0, DEL, C1), format characters
 * (bidirectional overrides and isolates, zero-width characters, tag characters, the byte-order mark),
 * line and paragraph separators, lone surrogates, and the Hangul fillers that render as blank space.
 */
export const UNSAFE_CHARACTER = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u115f\u1160\u3164\uffa0]/u;

const UNSAFE = new RegExp(UNSAFE_CHARACTER.source, 'gu');
const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;

/**
 * Text from the plan made safe for a terminal: every unsafe character shown as \u{…}, so an escape
 * sequence is shown rather than obeyed, and nothing in the data is hidden (an OSC 8 hyperlink shows its
 * target). Newlines and tabs become spaces, unless `keepNewlines` (for multi-line text); CRLF counts as one.
 */
export function sanitize(text: string, options: { keepNewlines?: boolean } = {}): string {
  if (PRINTABLE_ASCII.test(text)) return text;
  return text.replace(/\r\n/g, '\n').replace(UNSAFE, (char) => {
    if (char === '\n' || char === '\t') return options.keepNewlines ? char : ' ';
    return `\\u{${char.codePointAt(0)!.toString(16)}}`;
  });
}
