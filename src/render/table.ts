import stringWidth from 'string-width';
import { latestNote } from '../domain/latestNote.js';
import { PLAN_SUMMARY_COLUMNS, planSummaryCells, type PlanSummary } from '../domain/planSummaries.js';
import type { UnitCount } from '../domain/unitCounts.js';
import { STATUSES, type Activity, type Party } from '../model.js';
import { sanitize } from '../text/sanitize.js';
import { statusText, type Style } from './style.js';

/** How a table is laid out: its colours and, on a terminal, the width it must fit. */
export interface TableOptions {
  style: Style;
  width?: number;
}

/** Activities as a table: (the plan, when several are in view) id, status, title, then each party's units (and, when asked, the latest note with its date). */
export function activitiesTable(activities: readonly Activity[], parties: readonly Party[], options: TableOptions & { latestNote?: boolean; plans?: boolean }): string {
  const plan = options.plans ? 1 : 0;
  const head = [...(plan ? ['Plan'] : []), 'ID', 'Status', 'Title', ...parties.map((party) => sanitize(party.short_name)), ...(options.latestNote ? ['Latest note'] : [])];
  const rows = activities.map((activity) => [
    ...(plan ? [sanitize(activity.plan)] : []),
    sanitize(activity.id),
    statusText(activity.status, options.style),
    sanitize(activity.title),
    ...parties.map((party) => sanitize((activity.units[party.id] ?? []).join(', '))),
    ...(options.latestNote ? [noteCell(activity)] : []),
  ]);
  return grid(head, rows, options, { main: 2 + plan, wraps: head.map((_, column) => column >= 2 + plan) });
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
  return grid(head, cells, options, { main: 2, wraps: head.map((_, column) => column === 2), rightFrom: 4 });
}

/** The plans as a table: id, title, parties, signed, period, supersedes, superseded by, activities, and a column for each status some plan has. */
export function plansTable(rows: readonly PlanSummary[], options: TableOptions): string {
  const statuses = STATUSES.filter((status) => rows.some((row) => row.by_status[status] > 0));
  const count = (n: number) => (n === 0 ? options.style.dim('0') : String(n));
  const head = [...PLAN_SUMMARY_COLUMNS, 'Activities', ...statuses.map((status) => statusText(status, options.style))];
  const cells = rows.map((row) => [...planSummaryCells(row).map((cell) => sanitize(cell)), count(row.activities), ...statuses.map((status) => count(row.by_status[status]))]);
  return grid(head, cells, options, { main: 1, wraps: head.map((_, column) => column >= 1 && column <= 3), rightFrom: PLAN_SUMMARY_COLUMNS.length });
}

// The latest note, dated, as one table cell.
function noteCell(activity: Activity): string {
  const latest = latestNote(activity);
  return latest ? `${latest.date}  ${sanitize(latest.note)}` : '';
}

/** Which columns of a grid may wrap, which one carries the row's meaning, and where the counts start. */
export interface GridLayout {
  /** The column that matters most (a title, a name): below MAIN_MIN_WIDTH for it, rows become blocks. */
  main: number;
  /** Columns whose cells may wrap between words (a list `a, b, c` wraps after its commas). */
  wraps: readonly boolean[];
  /** Columns from this one on are counts, aligned right. */
  rightFrom?: number;
}

/** Narrower than this, the main column is unreadable: each row becomes a block of lines instead. */
export const MAIN_MIN_WIDTH = 20;
/** Piped, a value wider than this does not widen its column: it overflows its own line only. */
export const PIPED_MAX_COLUMN = 100;
// A word longer than this is cut to fit rather than widening its column (a URL, a run of letters).
const LONG_WORD = 30;
const GAP = '  ';

/**
 * A borderless grid, two spaces between columns, lines trimmed at the end. Piped (no width), each
 * row is one line. With a width, columns that may wrap shrink, the widest first, down to their
 * longest word (the main column to MAIN_MIN_WIDTH), so a list wraps before any word of the main
 * column is cut; when even that does not fit, every row becomes a block of lines. Each cell is
 * measured once, so the time is linear in the number of cells.
 */
export function grid(head: readonly string[], rows: readonly (readonly string[])[], options: TableOptions, layout: GridLayout): string {
  const rightFrom = layout.rightFrom ?? head.length;
  const cellWidths = rows.map((row) => head.map((_, column) => stringWidth(row[column] ?? '')));
  const headWidths = head.map((title) => stringWidth(title));
  const widths = head.map((_, column) => columnWidth(column));

  function columnWidth(column: number): number {
    let widest = headWidths[column]!;
    for (const row of cellWidths) {
      const width = row[column]!;
      if (width > widest && (options.width !== undefined || width <= PIPED_MAX_COLUMN)) widest = width;
    }
    return widest;
  }

  if (options.width !== undefined) {
    // A column wraps down to its longest word; the main one no narrower than MAIN_MIN_WIDTH, so the
    // lists beside it wrap first.
    const floors = head.map((_, column) => {
      if (!layout.wraps[column]) return widths[column]!;
      const floor = Math.max(headWidths[column]!, longestWord(rows, column));
      return column === layout.main ? Math.max(floor, Math.min(MAIN_MIN_WIDTH, widths[column]!)) : floor;
    });
    const fitted = fit(widths, floors, options.width - GAP.length * (head.length - 1));
    if (fitted === undefined) return blocks(head, rows, options.width, layout);
    widths.splice(0, widths.length, ...fitted);
  }

  const lines: string[] = [];
  const render = (cells: readonly string[]) => {
    const wrapped = cells.map((cell, column) => (options.width !== undefined && layout.wraps[column] ? wrap(cell, widths[column]!) : [cell]));
    const height = Math.max(...wrapped.map((cellLines) => cellLines.length));
    for (let line = 0; line < height; line++) {
      const parts = wrapped.map((cellLines, column) => pad(cellLines[line] ?? '', widths[column]!, column >= rightFrom));
      lines.push(parts.join(GAP).trimEnd());
    }
  };
  render(head.map((title) => options.style.bold(title)));
  for (const row of rows) render(row);
  return `${lines.join('\n')}\n`;
}

// Lowers a level that caps every shrinkable column (none below its floor) until the total fits,
// so the widest columns give way first and alike; undefined when the floors alone do not fit.
// The work depends on the columns and the width, not on the rows.
function fit(widths: readonly number[], floors: readonly number[], available: number): number[] | undefined {
  const at = (level: number) => widths.map((width, column) => Math.min(width, Math.max(floors[column]!, level)));
  const total = (level: number) => at(level).reduce((sum, width) => sum + width, 0);
  if (total(0) > available) return undefined;
  let low = 0;
  let high = Math.max(...widths);
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (total(middle) <= available) low = middle;
    else high = middle - 1;
  }
  const fitted = at(low);
  // What the level leaves over goes, a column each, to those held at the level.
  let spare = available - total(low);
  for (let column = 0; column < fitted.length && spare > 0; column++) {
    if (fitted[column] === low && low < widths[column]!) {
      fitted[column] = low + 1;
      spare--;
    }
  }
  return fitted;
}

function longestWord(rows: readonly (readonly string[])[], column: number): number {
  let longest = 0;
  for (const row of rows) {
    for (const word of (row[column] ?? '').split(' ')) longest = Math.max(longest, Math.min(LONG_WORD, stringWidth(word)));
  }
  return longest;
}

/** One row per block: the columns before the main one on a line, the main cell wrapped, then each other column under its heading. */
function blocks(head: readonly string[], rows: readonly (readonly string[])[], width: number, layout: GridLayout): string {
  const labelled = head.map((_, column) => column).filter((column) => column > layout.main);
  const labelWidth = Math.max(0, ...labelled.map((column) => stringWidth(head[column]!)));
  const out: string[] = [];
  for (const row of rows) {
    if (out.length) out.push('');
    out.push(...wrap(row.slice(0, layout.main).join(GAP), width));
    out.push(...wrap(row[layout.main] ?? '', width));
    for (const column of labelled) {
      const value = row[column] ?? '';
      if (value === '') continue;
      const indent = labelWidth + GAP.length;
      const [first = '', ...rest] = wrap(value, Math.max(1, width - indent));
      out.push(`${pad(head[column]!, labelWidth, false)}${GAP}${first}`.trimEnd(), ...rest.map((line) => `${' '.repeat(indent)}${line}`));
    }
  }
  return `${out.join('\n')}\n`;
}

/** Breaks `text` into lines of at most `width` columns between words; a word wider than a line is cut. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const word of text.split(' ')) {
    const wordWidth = stringWidth(word);
    if (lineWidth > 0 && lineWidth + 1 + wordWidth <= width) {
      line += ` ${word}`;
      lineWidth += 1 + wordWidth;
      continue;
    }
    if (lineWidth > 0) lines.push(line);
    if (wordWidth <= width) {
      line = word;
      lineWidth = wordWidth;
      continue;
    }
    const pieces = cut(word, width);
    line = pieces.pop()!;
    lineWidth = stringWidth(line);
    lines.push(...pieces);
  }
  lines.push(line);
  return lines;
}

// A word cut into pieces of at most `width` columns, by characters (a wide character counts two).
function cut(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let pieceWidth = 0;
  for (const character of word) {
    const characterWidth = stringWidth(character);
    if (pieceWidth + characterWidth > width && piece !== '') {
      pieces.push(piece);
      piece = '';
      pieceWidth = 0;
    }
    piece += character;
    pieceWidth += characterWidth;
  }
  pieces.push(piece);
  return pieces;
}

function pad(text: string, width: number, right: boolean): string {
  const space = ' '.repeat(Math.max(0, width - stringWidth(text)));
  return right ? space + text : text + space;
}
