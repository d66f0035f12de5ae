import Table from 'cli-table3';
import stringWidth from 'string-width';
import type { UnitCount } from '../domain/unitCounts.js';
import { STATUSES, type Activity, type Party } from '../model.js';
import { sanitize } from './sanitize.js';
import { statusText, type Style } from './style.js';

/** How a table is laid out: its colours and, on a terminal, the width it must fit. */
export interface TableOptions {
  style: Style;
  width?: number;
}

/** Activities as a table: id, status, title, then each party's units. */
export function activitiesTable(activities: readonly Activity[], parties: readonly Party[], options: TableOptions): string {
  const head = ['ID', 'Status', 'Title', ...parties.map((party) => sanitize(party.short_name))];
  const rows = activities.map((activity) => [
    sanitize(activity.id),
    statusText(activity.status, options.style),
    sanitize(activity.title),
    ...parties.map((party) => sanitize((activity.units[party.id] ?? []).join(', '))),
  ]);
  return grid(head, rows, options, 2);
}

/** Units as a table: party, code, name, kind, activities, and a column for each status some unit's activities have. */
export function unitsTable(rows: readonly UnitCount[], parties: readonly Party[], options: TableOptions): string {
  const shortNames = new Map(parties.map((party) => [party.id, party.short_name]));
  const statuses = STATUSES.filter((status) => rows.some((row) => row.by_status[status] > 0));
  const count = (n: number) => (n === 0 ? options.style.dim('0') : String(n));
  const head = ['Party', 'Code', 'Name', 'Kind', 'Activities', ...statuses.map((status) => statusText(status, options.style))];
  const cells = rows.map((row) => [
    sanitize(shortNames.get(row.party) ?? row.party),
    sanitize(row.code),
    sanitize(row.name),
    row.kind,
    count(row.activities),
    ...statuses.map((status) => count(row.by_status[status])),
  ]);
  return grid(head, cells, options, 2, 4);
}

/**
 * A borderless grid; with a width, the column at `flexible` shrinks and wraps so the lines fit.
 * Columns from `rightAligned` on (counts) are aligned right. Cells are measured as cli-table3
 * measures them (colour codes aside, wide characters twice), or it cuts them short.
 */
export function grid(head: string[], rows: string[][], options: TableOptions, flexible: number, rightAligned = head.length): string {
  const widths = head.map((title, column) => rows.reduce((widest, row) => Math.max(widest, stringWidth(row[column] ?? '')), stringWidth(title)) + 2);
  if (options.width !== undefined) {
    const others = widths.reduce((sum, width, column) => (column === flexible ? sum : sum + width), 0);
    widths[flexible] = Math.max(12, Math.min(widths[flexible]!, options.width - others - head.length - 1));
  }
  const table = new Table({
    head: head.map((title) => options.style.bold(title)),
    colWidths: widths,
    colAligns: head.map((_, column) => (column >= rightAligned ? 'right' : 'left')),
    wordWrap: true,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 2, compact: true },
    chars: {
      top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
      bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
      left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '',
    },
  });
  for (const row of rows) table.push(row);
  return `${table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')}\n`;
}
