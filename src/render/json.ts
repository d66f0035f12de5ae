import type { Activity } from '../model.js';
import { UNSAFE_CHARACTER } from './sanitize.js';

/** An activity with every field in the documented order, optional lists present (empty) so scripts need no guards. */
export function activityJson(activity: Activity): Record<string, unknown> {
  return {
    id: activity.id,
    title: activity.title,
    status: activity.status,
    units: activity.units,
    with: activity.with ?? [],
    text: activity.text,
    actions: activity.actions ?? [],
    related: activity.related ?? [],
    history: activity.history.map(({ date, status, note }) => (note === undefined ? { date, status } : { date, status, note })),
    area: activity.area,
    source: { file: activity.source.file, line: activity.source.line },
  };
}

/**
 * Pretty JSON with a final newline. JSON.stringify escapes C0 controls but writes C1 controls, bidirectional
 * overrides and zero-width characters raw, which a terminal would obey or hide: those are written as \u escapes
 * too; the JSON means the same.
 */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(UNSAFE, unicodeEscape)}\n`;
}

const UNSAFE = new RegExp(UNSAFE_CHARACTER.source, 'gu');

// JSON.stringify leaves no raw control character inside a string, so a newline is the layout's own.
function unicodeEscape(char: string): string {
  if (char === '\n') return char;
  let escaped = '';
  for (let i = 0; i < char.length; i++) escaped += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return escaped;
}
