import { STATUSES, type Activity, type Status } from '../model.js';
import { zeroCounts } from './statusCounts.js';

/** How many activities stood in each status at the end of one day. */
export interface FlowDay {
  date: string;
  counts: Record<Status, number>;
}

/**
 * The plan over time, as its history entries tell it: for the first day, the last day and every
 * day between on which some activity changed status, how many activities stood in each status at
 * the end of that day. Between two listed days nothing changed, so the list is the whole daily
 * series without its repeats. An activity counts from the day of its first entry; entries before
 * `from` make the first day's state, entries after `to` are ignored. One sort and one sweep over
 * the entries, so the work grows with the history, not with the number of days.
 */
export function cumulativeFlow(activities: readonly Activity[], { from, to }: { from: string; to: string }): FlowDay[] {
  const entries = activities.flatMap((activity, index) => activity.history.map((entry) => ({ date: entry.date, status: entry.status, index })));
  // Stable: an activity's entries of one day keep their order, so its last one wins.
  entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const current: (Status | undefined)[] = activities.map(() => undefined);
  const counts = zeroCounts();
  const days: FlowDay[] = [];
  const close = (date: string) => {
    const last = days.at(-1);
    if (last && last.date === date) last.counts = { ...counts };
    else days.push({ date, counts: { ...counts } });
  };
  let next = 0;
  const apply = (until: string) => {
    while (next < entries.length && entries[next]!.date <= until) {
      const { status, index } = entries[next]!;
      const before = current[index];
      if (before !== undefined) counts[before] -= 1;
      counts[status] += 1;
      current[index] = status;
      next += 1;
    }
  };
  apply(from);
  close(from);
  while (next < entries.length && entries[next]!.date <= to) {
    const date = entries[next]!.date;
    apply(date);
    if (!sameCounts(days.at(-1)!.counts, counts)) close(date);
  }
  if (days.at(-1)!.date !== to) close(to);
  return days;
}

function sameCounts(a: Record<Status, number>, b: Record<Status, number>): boolean {
  return STATUSES.every((status) => a[status] === b[status]);
}
