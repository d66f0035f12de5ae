import type { Activity, Plan } from '../model.js';

/**
 * An activity as it stood at the end of `date` (YYYY-MM-DD): its history up to that day and
 * the status the last of those entries gives; undefined when its history had not begun.
 * Every other field stays as the files hold it: only the history is dated.
 */
export function activityAsOf<A extends Activity>(activity: A, date: string): A | undefined {
  const history = activity.history;
  // Oldest first (validate holds it), so the entries up to the day are a prefix of the list.
  let count = 0;
  while (count < history.length && history[count]!.date <= date) count += 1;
  if (count === 0) return undefined;
  if (count === history.length) return activity;
  return { ...activity, status: history[count - 1]!.status, history: history.slice(0, count) };
}

/**
 * The first day of a plan: the day it was signed, or, for a plan without a signing date, the
 * earliest day its history records. Undefined for a plan that records no day at all.
 */
export function planStart(plan: Plan): string | undefined {
  const signed = plan.meta.signing?.date;
  if (signed !== undefined) return signed;
  let earliest: string | undefined;
  for (const activity of plan.activities) {
    const first = activity.history[0]?.date;
    if (first !== undefined && (earliest === undefined || first < earliest)) earliest = first;
  }
  return earliest;
}

/**
 * The plan as it stood at the end of `date`: the activities whose history had begun, each with
 * the status its history gives that day; undefined before the plan's first day (`planStart`),
 * when the plan was not yet in scope.
 */
export function planAsOf(plan: Plan, date: string): Plan | undefined {
  const start = planStart(plan);
  if (start !== undefined && date < start) return undefined;
  const activities: Activity[] = [];
  let unchanged = true;
  for (const activity of plan.activities) {
    const then = activityAsOf(activity, date);
    if (then !== activity) unchanged = false;
    if (then) activities.push(then);
  }
  return unchanged ? plan : { ...plan, activities };
}
