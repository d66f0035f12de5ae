import { STATUSES, type Activity, type Status } from '../model.js';

/** How many activities have each status; every status present, zeros included, in STATUSES order. */
export type StatusCounts = Record<Status, number>;

/** Every status at zero, in STATUSES order: the start of a count. */
export function zeroCounts(): StatusCounts {
  return Object.fromEntries(STATUSES.map((status) => [status, 0])) as StatusCounts;
}

/** How many of `activities` have each status. */
export function countStatuses(activities: readonly Activity[]): StatusCounts {
  const counts = zeroCounts();
  for (const activity of activities) counts[activity.status] += 1;
  return counts;
}
