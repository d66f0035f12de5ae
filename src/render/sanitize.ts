// Plan text is untrusted: a title could carry escape sequences that a terminal would obey, or
// invisible characters that make one code look like another or reorder what is shown.

/**
 * What no output may carry raw from the data: control characters (C0, DEL, C1), format characters
 * (bidirectional overrides and isolates, zero-width characters, tag characters, the byte-order mark),
 * line and paragraph separators, lone surrogates, and the Hangul fillers that render as blank space.
 */
export const UNSAFE_CHARACTER = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u115f\u1160\u3164\uffa0]/u;

// Whole escape sequences, so that neither their introducer nor their parameters reach the output:
// CSI (colours, cursor moves), 7-bit and 8-bit; and the string sequences OSC (titles, OSC 8 hyperlinks),
// DCS, SOS, PM and APC, ended by BEL or ST. A string stops at any control character, which keeps the
// match linear; an unended sequence is not removed, and its introducer is shown like any other control.
const BODY = '[^\\u0000-\\u001f\\u007f-\\u009f]*';
const END = '(?:\\u0007|\\u001b\\\\|\\u009c)';
const SEQUENCE = new RegExp(
  [
    '\\u001b\\[[0-?]*[ -/]*[@-~]',
    '\\u009b[0-?]*[ -/]*[@-~]',
    `\\u001b[\\]PX^_]${BODY}${END}`,
    `[\\u0090\\u0098\\u009d\\u009e\\u009f]${BODY}${END}`,
  ].join('|'),
  'g',
);
const UNSAFE = new RegExp(UNSAFE_CHARACTER.source, 'gu');
const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;

/**
 * Text from the plan made safe for a terminal: escape sequences removed, every other unsafe character
 * shown as \u{…}. Newlines and tabs become spaces, unless `keepNewlines` (for multi-line text).
 */
export function sanitize(text: string, options: { keepNewlines?: boolean } = {}): string {
  if (PRINTABLE_ASCII.test(text)) return text;
  return text
    .replace(/\r\n/g, '\n')
    .replace(SEQUENCE, '')
    .replace(UNSAFE, (char) => {
      if (char === '\n' || char === '\t') return options.keepNewlines ? char : ' ';
      return `\\u{${char.codePointAt(0)!.toString(16)}}`;
    });
}
