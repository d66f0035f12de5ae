import type { UnitCount } from '../domain/unitCounts.js';
import { STATUSES, type Activity, type Plan } from '../model.js';
import { sanitize } from './sanitize.js';

// Characters that mean something inline in CommonMark or GitHub Flavored Markdown (emphasis,
// code, links, raw HTML, entities, tables, strikethrough, math); a backslash makes each literal.
const INLINE_SPECIAL = /[\\`*_[\]<>|~&$]/g;
// What would open a block at the start of a line: heading, list item, setext underline
// (quotes and the other markers are escaped inline already); indentation could open a code block.
const BLOCK_START = /^(?:([#+=-])|(\d+)([.)]))/gm;

/**
 * Plan text made literal in Markdown: control characters neutralised, inline syntax escaped.
 * In a `cell` a line break becomes `<br>`, so the text stays in its table cell; in `text` a line
 * keeps its break, and a line that would start a heading, quote or list is escaped.
 */
export function escapeMarkdown(text: string, context: 'text' | 'cell' = 'text'): string {
  const escaped = sanitize(text, { keepNewlines: true }).replace(INLINE_SPECIAL, '\\$&');
  if (context === 'cell') return escaped.replace(/\s*\n\s*/g, '<br>').trim();
  return escaped.replace(/^[ \t]+/gm, '').replace(BLOCK_START, (_, marker?: string, digits?: string, delimiter?: string) => (marker ? `\\${marker}` : `${digits}\\${delimiter}`));
}

/** A GitHub Flavored Markdown table; the cells must already be escaped (escapeMarkdown with 'cell'). */
export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[], numeric: readonly boolean[] = []): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const rule = head.map((_, column) => (numeric[column] ? '---:' : '---'));
  return `${[line(head), line(rule), ...rows.map(line)].join('\n')}\n`;
}

/** Activities as a Markdown table: id, status, title, area, each party's units, other organisations. */
export function activitiesMarkdown(activities: readonly Activity[], plan: Plan): string {
  const areaTitles = new Map(plan.areas.map((area) => [area.id, area.title]));
  const head = ['ID', 'Status', 'Title', 'Area', ...plan.parties.map((party) => party.short_name), 'With'];
  const rows = activities.map((activity) => [
    activity.id,
    activity.status,
    activity.title,
    areaTitles.get(activity.area) ?? activity.area,
    ...plan.parties.map((party) => (activity.units[party.id] ?? []).join(', ')),
    (activity.with ?? []).join(', '),
  ]);
  return markdownTable(
    head.map((cell) => escapeMarkdown(cell, 'cell')),
    rows.map((row) => row.map((cell) => escapeMarkdown(cell, 'cell'))),
  );
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
