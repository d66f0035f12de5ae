import { diffLines, type LineEdit } from '../domain/diffLines.js';
import { sanitize } from '../text/sanitize.js';
import type { Style } from './style.js';

const CONTEXT = 3;

/** The change from `before` to `after` as a unified diff, as `diff -u` and `git diff` print it; "" when they are equal. */
export function unifiedDiff(before: string, after: string, name: string, style: Style): string {
  const edits = diffLines(splitLines(before), splitLines(after));
  const changed = edits.flatMap((edit, index) => (edit.kind === 'same' ? [] : [index]));
  if (changed.length === 0) return '';
  const out = [style.bold(`--- a/${sanitize(name)}`), style.bold(`+++ b/${sanitize(name)}`)];
  // Line numbers (1-based) of each edit in the old and the new file.
  const oldLine: number[] = [];
  const newLine: number[] = [];
  let o = 1;
  let n = 1;
  for (const edit of edits) {
    oldLine.push(o);
    newLine.push(n);
    if (edit.kind !== 'added') o++;
    if (edit.kind !== 'removed') n++;
  }
  for (const [first, last] of hunks(changed, edits.length)) {
    const slice = edits.slice(first, last + 1);
    const oldCount = slice.filter((edit) => edit.kind !== 'added').length;
    const newCount = slice.filter((edit) => edit.kind !== 'removed').length;
    const range = (start: number, count: number) => `${count === 0 ? start - 1 : start}${count === 1 ? '' : `,${count}`}`;
    out.push(style.cyan(`@@ -${range(oldLine[first]!, oldCount)} +${range(newLine[first]!, newCount)} @@`));
    for (const edit of slice) out.push(...lineText(edit, style));
  }
  return `${out.join('\n')}\n`;
}

// The lines of a text, each with its line ending, so a last line without one differs from the same line with one.
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

// Runs of changed edits, each widened by the context lines around it; runs that touch are merged.
function hunks(changed: number[], total: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (const index of changed) {
    const first = Math.max(0, index - CONTEXT);
    const last = Math.min(total - 1, index + CONTEXT);
    const previous = ranges.at(-1);
    if (previous && first <= previous[1] + 1) previous[1] = last;
    else ranges.push([first, last]);
  }
  return ranges;
}

function lineText(edit: LineEdit, style: Style): string[] {
  const content = sanitize(edit.line.replace(/\r?\n$/, ''));
  const line = edit.kind === 'same' ? ` ${content}` : edit.kind === 'removed' ? style.red(`-${content}`) : style.green(`+${content}`);
  return edit.line.endsWith('\n') ? [line] : [line, '\\ No newline at end of file'];
}
