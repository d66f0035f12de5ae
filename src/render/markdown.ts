import { latestNote } from '../domain/latestNote.js';
import { PLAN_SUMMARY_COLUMNS, planSummaryCells, type PlanSummary } from '../domain/planSummaries.js';
import type { UnitCount } from '../domain/unitCounts.js';
import { STATUSES, type Activity, type Plan } from '../model.js';
import { sanitize } from '../text/sanitize.js';

// Characters that mean something inline in CommonMark or GitHub Flavored Markdown (emphasis,
// code, links, raw HTML, entities, tables, strikethrough, math, @mentions); a backslash makes each literal.
const INLINE_SPECIAL = /[\\`*_[\]<>|~&$@]/g;
// Where GitHub would make a link by itself ("https://…", "www.…"); the colon or dot, escaped, shows alike and links nothing.
const AUTOLINK = /:(?=\/\/)|(?<=\bwww)\./gi;
// What would open a block at the start of a line: heading, list item, setext underline
// (quotes and the other markers are escaped inline already); indentation could open a code block.
const BLOCK_START = /^(?:([#+=-])|(\d+)([.)]))/gm;

/**
 * Closes a generated document: Markdown cannot wrap a table row or a heading, so markdownlint's
 * line length applies to the prose only (wrapped at 80 columns by markdownParagraph).
 */
export const LINT_SETTINGS = '<!-- markdownlint-configure-file\n{ "MD013": { "tables": false, "headings": false } }\n-->';

/** Where escaped text goes: a paragraph (`text`), a table cell (`cell`), or one line such as a heading (`line`). */
export type MarkdownContext = 'text' | 'cell' | 'line';

/**
 * Plan text made literal in Markdown: control characters neutralised, inline syntax escaped, tabs
 * made spaces. In a `cell` a line break becomes `<br>`, so the text stays in its table cell; in a
 * `line` (a heading) it becomes a space and every `#` is escaped, so none closes the heading; in
 * `text` a line keeps its break, loses its outer blanks, and one that would start a heading, quote
 * or list is escaped.
 */
export function escapeMarkdown(text: string, context: MarkdownContext = 'text'): string {
  const escaped = escapeMarkdownInline(text);
  if (context === 'cell') return escaped.replace(/\s*\n\s*/g, '<br>').trim();
  if (context === 'line') return escaped.replace(/\s*\n\s*/g, ' ').replace(/#/g, '\\#').trim();
  return escaped.replace(/^[ \t]+|[ \t]+$/gm, '').replace(BLOCK_START, escapeBlockStart);
}

/**
 * Plan text as a Markdown paragraph (or list item, with `prefix` "- "), escaped and wrapped at
 * `width` columns so the source reads well too; line breaks inside the text become spaces, as
 * Markdown would show them. A word that would open a block at the start of a line is escaped.
 */
export function markdownParagraph(text: string, { width = 80, prefix = '' }: { width?: number; prefix?: string } = {}): string {
  return wrapMarkdown(escapeMarkdownInline(text), { width, prefix });
}

/**
 * Escaped Markdown (escapeMarkdownInline's, with emphasis marks added) wrapped at `width`
 * columns: the first line starts with `prefix`, the others with `indent` (as many spaces as
 * `prefix` has characters unless given). A word that would open a block at a line's start is escaped.
 */
export function wrapMarkdown(escaped: string, { width = 80, prefix = '', indent = ' '.repeat(prefix.length) }: { width?: number; prefix?: string; indent?: string } = {}): string {
  const words = escaped.split(/[ \n]+/).filter((word) => word !== '');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line !== '' && line.length + 1 + word.length <= width - indent.length) {
      line += ` ${word}`;
    } else {
      if (line !== '') lines.push(line);
      line = word.replace(BLOCK_START, escapeBlockStart);
    }
  }
  lines.push(line);
  return lines.map((text, index) => `${index === 0 ? prefix : indent}${text}`.trimEnd()).join('\n');
}

/** Plan text with every inline Markdown syntax made literal and control characters neutralised; line breaks kept. */
export function escapeMarkdownInline(text: string): string {
  return sanitize(text, { keepNewlines: true }).replace(/\t/g, ' ').replace(INLINE_SPECIAL, '\\$&').replace(AUTOLINK, '\\$&');
}

function escapeBlockStart(_: string, marker?: string, digits?: string, delimiter?: string): string {
  return marker ? `\\${marker}` : `${digits}\\${delimiter}`;
}

/** A GitHub Flavored Markdown table; the cells must already be escaped (escapeMarkdown with 'cell'). */
export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[], numeric: readonly boolean[] = []): string {
  // An empty cell is one space wide, as markdownlint's compact table style wants.
  const line = (cells: readonly string[]) => `|${cells.map((cell) => (cell === '' ? ' ' : ` ${cell} `)).join('|')}|`;
  const rule = head.map((_, column) => (numeric[column] ? '---:' : '---'));
  return `${[line(head), line(rule), ...rows.map(line)].join('\n')}\n`;
}

/** Activities as a Markdown table: id, status, title, area, each party's units, other organisations. */
export function activitiesMarkdown(activities: readonly Activity[], plan: Plan, { latestNote: withNote = false } = {}): string {
  const areaTitles = new Map(plan.areas.map((area) => [area.id, area.title]));
  const plans = plan.scope !== undefined;
  const head = [...(plans ? ['Plan'] : []), 'ID', 'Status', 'Title', 'Area', ...plan.parties.map((party) => party.short_name), 'With', ...(withNote ? ['Latest note'] : [])];
  const rows = activities.map((activity) => [
    ...(plans ? [activity.plan] : []),
    activity.id,
    activity.status,
    activity.title,
    areaTitles.get(activity.area) ?? activity.area,
    ...plan.parties.map((party) => (activity.units[party.id] ?? []).join(', ')),
    (activity.with ?? []).join(', '),
    ...(withNote ? [noteText(activity)] : []),
  ]);
  return markdownTable(
    head.map((cell) => escapeMarkdown(cell, 'cell')),
    rows.map((row) => row.map((cell) => escapeMarkdown(cell, 'cell'))),
  );
}

// The latest note, dated.
function noteText(activity: Activity): string {
  const latest = latestNote(activity);
  return latest ? `${latest.date}: ${latest.note}` : '';
}

/** The plans as a Markdown table: the summary columns, the activities and each status. */
export function plansMarkdown(rows: readonly PlanSummary[]): string {
  const head = [...PLAN_SUMMARY_COLUMNS, 'Activities', ...STATUSES];
  const cells = rows.map((row) => [...planSummaryCells(row).map((cell) => escapeMarkdown(cell, 'cell')), String(row.activities), ...STATUSES.map((status) => String(row.by_status[status]))]);
  return markdownTable(head, cells, head.map((_, column) => column >= PLAN_SUMMARY_COLUMNS.length));
}

/** Units as a Markdown table: party, code, name, kind, the activities each carries and their statuses. */
export function unitsMarkdown(rows: readonly UnitCount[], plan: Plan): string {
  const shortNames = new Map(plan.parties.map((party) => [party.id, party.short_name]));
  const head = ['Party', 'Code', 'Name', 'Kind', 'Activities', ...STATUSES];
  const cells = rows.map((row) => [
    escapeMarkdown(shortNames.get(row.party) ?? row.party, 'cell'),
    escapeMarkdown(row.code, 'cell'),
    escapeMarkdown(row.name, 'cell'),
    row.kind,
    String(row.activities),
    ...STATUSES.map((status) => String(row.by_status[status])),
  ]);
  return markdownTable(head, cells, head.map((_, column) => column >= 4));
}
