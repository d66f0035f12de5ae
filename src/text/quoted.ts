/**
 * Text from the data in a message: in double quotes, quotes and backslashes escaped, its other
 * characters kept (the one sanitiser of every output shows a control character in one notation,
 * `\u{1b}`), cut to `max` characters with "...".
 */
export function quoted(text: string, max = 58): string {
  const characters = [...text];
  const shown = characters.length > max ? `${characters.slice(0, max - 3).join('')}...` : text;
  return `"${shown.replace(/["\\]/g, '\\$&')}"`;
}
