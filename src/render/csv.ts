import { latestNote } from '../domain/latestNote.js';
import type { PlanSummary } from '../domain/planSummaries.js';
import type { UnitCount } from '../domain/unitCounts.js';
import { STATUSES, type Activity, type Party } from '../model.js';
import { sanitize } from '../text/sanitize.js';

// How a list is written in one CSV cell.
const LIST_SEPARATOR = '; ';

/**
 * Rows as RFC 4180 CSV: CRLF after every record, a field quoted when it holds a quote, comma or
 * line break, quotes doubled. Text is sanitised (line breaks kept), since CSV is often read in a
 * terminal, and a cell a spreadsheet would run as a formula starts with a single quote.
 */
export function csv(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((row) => `${row.map(field).join(',')}\r\n`).join('');
}

/**
 * Activities as CSV, one column per field and one `units.<party>` column per party; lists joined
 * with "; ". With `latestNote`, two more columns: the latest note and its date.
 */
export function activitiesCsv(activities: readonly Activity[], parties: readonly Party[], { latestNote: withNote = false } = {}): string {
  const head = ['plan', 'id', 'title', 'status', 'area', ...parties.map((party) => `units.${party.id}`), 'with', 'related', 'since', 'text', 'actions', ...(withNote ? ['note_date', 'note'] : [])];
  const rows = activities.map((activity) => [
    activity.plan,
    activity.id,
    activity.title,
    activity.status,
    activity.area,
    ...parties.map((party) => (activity.units[party.id] ?? []).join(LIST_SEPARATOR)),
    (activity.with ?? []).join(LIST_SEPARATOR),
    (activity.related ?? []).join(LIST_SEPARATOR),
    activity.history.at(-1)?.date ?? '',
    activity.text,
    (activity.actions ?? []).join(LIST_SEPARATOR),
    ...(withNote ? [latestNote(activity)?.date ?? '', latestNote(activity)?.note ?? ''] : []),
  ]);
  return csv([head, ...rows]);
}

/** Units as CSV: party, code, name, kind, activities, then one column per status. */
export function unitsCsv(rows: readonly UnitCount[]): string {
  const head = ['party', 'code', 'name', 'kind', 'activities', ...STATUSES];
  return csv([head, ...rows.map((row) => [row.party, row.code, row.name, row.kind, row.activities, ...STATUSES.map((status) => row.by_status[status])])]);
}

/** The plans as CSV, one field per column (parties and successors joined with "; "), then one column per status. */
export function plansCsv(rows: readonly PlanSummary[]): string {
  const head = ['plan', 'title', 'parties', 'signed', 'signed_in', 'period_from', 'period_until', 'supersedes', 'superseded_by', 'activities', ...STATUSES];
  return csv([
    head,
    ...rows.map((row) => [
      row.id,
      row.title,
      row.parties.join(LIST_SEPARATOR),
      row.signed?.date ?? '',
      row.signed?.place ?? '',
      row.period?.from ?? '',
      row.period?.until ?? '',
      row.supersedes ?? '',
      row.superseded_by.join(LIST_SEPARATOR),
      row.activities,
      ...STATUSES.map((status) => row.by_status[status]),
    ]),
  ]);
}

function field(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = defuseFormula(sanitize(value, { keepNewlines: true }));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// A spreadsheet runs a cell starting with one of these as a formula (OWASP's list).
const FORMULA_START = /^[=+\-@\t\r]/;
// A signed number is data a spreadsheet reads as a number, not a formula, and stays as it is.
const SIGNED_NUMBER = /^[+-]\d+(?:\.\d+)?$/;

/**
 * Text a spreadsheet would run as a formula (`=HYPERLINK(…)`, `@SUM(…)`, `-1+cmd|…`), prefixed with a
 * single quote so it is shown as text: OWASP's defence against CSV injection. Numbers such as `-3` are kept.
 */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) && !SIGNED_NUMBER.test(text) ? `'${text}` : text;
}
