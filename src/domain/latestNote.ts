import type { Activity } from '../model.js';

/** The most recent note in an activity's history (a status change's or a progress note), if any has one. */
export function latestNote(activity: Activity): { date: string; note: string } | undefined {
  for (let index = activity.history.length - 1; index >= 0; index--) {
    const { date, note } = activity.history[index]!;
    if (note !== undefined) return { date, note };
  }
  return undefined;
}
