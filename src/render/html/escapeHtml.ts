import { sanitize } from '../../text/sanitize.js';

const SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Plan text as HTML text or an attribute value (quoted with "): control and invisible characters
 * shown as \u{…}, as every output shows them, and the five characters that HTML gives a meaning
 * escaped, so no markup, attribute, entity or end tag in the data ever reaches the page as such.
 * Line breaks become spaces unless `keepNewlines`.
 */
export function escapeHtml(text: string, options: { keepNewlines?: boolean } = {}): string {
  return sanitize(text, options).replace(/[&<>"']/g, (char) => SPECIAL[char]!);
}
