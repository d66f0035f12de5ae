import type { Activity, ActivityData } from '../model.js';
import { escapeInvisible } from './escapeInvisible.js';

// Each field of the schema's activity as JSON gives it, in the documented order: a field added to
// the schema (and regenerated) is a compile error here until it is given its place.
const ACTIVITY_FIELDS: { [Field in keyof ActivityData]-?: (activity: Activity) => unknown } = {
  id: (activity) => activity.id,
  title: (activity) => activity.title,
  status: (activity) => activity.status,
  units: (activity) => activity.units,
  with: (activity) => activity.with ?? [],
  text: (activity) => activity.text,
  actions: (activity) => activity.actions ?? [],
  related: (activity) => activity.related ?? [],
  history: (activity) => activity.history.map(({ date, status, note }) => (note === undefined ? { date, status } : { date, status, note })),
  // Only when set: most activities continue nothing.
  continues: (activity) => activity.continues,
};

/** An activity with every field in the documented order, optional lists present (empty) so scripts need no guards; then its plan, area and source. */
export function activityJson(activity: Activity): Record<string, unknown> {
  const fields = Object.entries(ACTIVITY_FIELDS).flatMap(([field, value]) => {
    const shown = value(activity);
    return shown === undefined ? [] : [[field, shown] as const];
  });
  return { ...Object.fromEntries(fields), plan: activity.plan, area: activity.area, source: { file: activity.source.file, line: activity.source.line } };
}

/** Pretty JSON with a final newline; invisible controls in strings escaped, so it is safe to print. */
export function json(value: unknown): string {
  return `${escapeInvisible(JSON.stringify(value, null, 2))}\n`;
}
