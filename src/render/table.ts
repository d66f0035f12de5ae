import Table from 'cli-table3';
import stringWidth from 'string-width';
import type { Activity, Party, Status } from '../model.js';
import { sanitize } from './sanitize.js';
import type { Style } from './style.js';

/** How a table is laid out: its colours and, on a terminal, the width it must fit. */
export interface TableOptions {
  style: Style;
  width?: number;
}

/** A status in its colour. */
export function statusText(status: Status, style: Style): string {
  const paint: Record<Status, (text: string) => string> = {
    planned: style.blue,
    'in-progress': style.cyan,
    ongoing: style.green,
    completed: style.gray,
    'on-hold': style.yellow,
    cancelled: style.red,
  };
  return paint[status](status);
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

/**
 * A borderless grid; with a width, the column at `flexible` shrinks and wraps so the lines fit.
 * Cells are measured as cli-table3 measures them (colour codes aside, wide characters twice), or it cuts them short.
 */
export function grid(head: string[], rows: string[][], options: TableOptions, flexible: number): string {
  const widths = head.map((title, column) => rows.reduce((widest, row) => Math.max(widest, stringWidth(row[column] ?? '')), stringWidth(title)) + 2);
  if (options.width !== undefined) {
    const others = widths.reduce((sum, width, column) => (column === flexible ? sum : sum + width), 0);
    widths[flexible] = Math.max(12, Math.min(widths[flexible]!, options.width - others - head.length - 1));
  }
  const table = new Table({
    head: head.map((title) => options.style.bold(title)),
    colWidths: widths,
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
