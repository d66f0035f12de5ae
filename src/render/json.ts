import type { Activity } from '../model.js';
import { escapeInvisible } from './escapeInvisible.js';

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
    ...(activity.continues !== undefined && { continues: activity.continues }),
    plan: activity.plan,
    area: activity.area,
    source: { file: activity.source.file, line: activity.source.line },
  };
}

/** Pretty JSON with a final newline; invisible controls in strings escaped, so it is safe to print. */
export function json(value: unknown): string {
  return `${escapeInvisible(JSON.stringify(value, null, 2))}\n`;
}
