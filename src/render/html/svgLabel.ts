import { escapeHtml } from './escapeHtml.js';

/**
 * A label for SVG text, escaped and cut to `characters` with an ellipsis when longer. Its tooltip
 * is `tooltip` when given (a unit's full name), else the whole text when it was cut (the table
 * beside the chart has it too).
 */
export function svgLabel(text: string, characters: number, tooltip?: string): string {
  const whole = text.replace(/\s+/g, ' ').trim();
  const cut = [...whole].length > characters;
  const shown = cut ? `${[...whole].slice(0, characters - 1).join('').trimEnd()}…` : whole;
  const title = tooltip ?? (cut ? whole : undefined);
  return `${escapeHtml(shown)}${title === undefined ? '' : `<title>${escapeHtml(title)}</title>`}`;
}
