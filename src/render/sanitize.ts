// Plan text is untrusted: a title could carry escape sequences that a terminal would obey.
// ANSI CSI and OSC sequences (OSC 8 hyperlinks included) go whole; other C0/C1 controls,
// bidirectional overrides and zero-width characters become visible escapes.
const ESCAPE_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u009b[0-?]*[ -/]*[@-~]|\u009d[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?/g;
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Text from the plan made safe for a terminal: escape sequences removed, other invisible controls shown as \u{…}. */
export function sanitize(text: string, options: { keepNewlines?: boolean } = {}): string {
  const cleaned = text.replace(ESCAPE_SEQUENCE, '').replace(UNSAFE, (char) => `\\u{${char.codePointAt(0)!.toString(16)}}`);
  return options.keepNewlines ? cleaned : cleaned.replace(/\r?\n/g, ' ');
}
