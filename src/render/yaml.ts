import { Document, visit } from 'yaml';
import { escapeInvisible, hasInvisible } from './escapeInvisible.js';

/**
 * YAML of the same data JSON output gives: plain data, no anchors, a paragraph on one line.
 * A string holding an invisible control is double-quoted and the control written as an escape.
 */
export function yaml(value: unknown): string {
  const document = new Document(value, { aliasDuplicateObjects: false });
  visit(document, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && hasInvisible(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return escapeInvisible(document.toString({ lineWidth: 0 }));
}
