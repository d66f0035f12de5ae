import { sanitize } from './sanitize.js';

/**
 * Plan text made inert in Markdown (a table cell, a pull-request comment): one line, no markup,
 * no HTML, no @mention. Each special character is backslash-escaped or written as an entity.
 */
export function markdownText(text: string): string {
  return sanitize(text)
    .replace(/[\\`*_[\]|~@]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
