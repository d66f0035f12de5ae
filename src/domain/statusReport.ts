import type { Activity, Area, Party, Plan, Status, Unit } from '../model.js';
import { plansOf } from './scope.js';
import { countStatuses, type StatusCounts } from './statusCounts.js';

export type { StatusCounts } from './statusCounts.js';

/** An activity with the date of its last history entry, how many days before the report that was, and the entry's note. */
export interface DatedActivity {
  activity: Activity;
  since: string;
  days: number;
  note?: string;
}

/** One unit of one party and the selected activities it carries, by status. */
export interface UnitWorkload {
  unit: Unit;
  byStatus: StatusCounts;
  total: number;
}

/** Everything `plan report` shows about a selection of activities, as data; the renderer only lays it out. */
export interface StatusReport {
  asOf: string;
  staleDays: number;
  /** The selected activities, in plan order. */
  activities: Activity[];
  /** How many activities the whole plan has, so a filtered report can say "5 of 27". */
  planTotal: number;
  byStatus: StatusCounts;
  /** The plans in view that hold a selected activity, in workspace order: one unless several plans are in scope. */
  plans: { plan: Plan; activities: Activity[]; byStatus: StatusCounts }[];
  /** The areas that hold a selected activity, plan by plan, in plan order. */
  areas: { plan: Plan; area: Area; activities: Activity[]; byStatus: StatusCounts }[];
  /** Each party's units that carry a selected activity, in units.yaml order; parties without one are left out. */
  parties: { party: Party; units: UnitWorkload[] }[];
  onHold: DatedActivity[];
  cancelled: DatedActivity[];
  /** Open activities (planned, in progress, ongoing) whose last history entry is more than `staleDays` days before `asOf`. */
  stale: DatedActivity[];
}

// Finished activities need no news; on-hold ones are listed on their own, with their date.
const OPEN: readonly Status[] = ['planned', 'in-progress', 'ongoing'];

/** The figures of a status report on `activities` (a selection of `plan`'s, in plan order) as of a day. */
export function statusReport(plan: Plan, activities: readonly Activity[], { asOf, staleDays }: { asOf: string; staleDays: number }): StatusReport {
  const dated = (activity: Activity): DatedActivity => {
    const last = activity.history.at(-1)!;
    return { activity, since: last.date, days: daysBetween(last.date, asOf), ...(last.note !== undefined && { note: last.note }) };
  };
  return {
    asOf,
    staleDays,
    activities: [...activities],
    planTotal: plan.activities.length,
    byStatus: countStatuses(activities),
    plans: plansOf(plan)
      .map((one) => {
        const inPlan = activities.filter((activity) => activity.plan === one.id);
        return { plan: one, activities: inPlan, byStatus: countStatuses(inPlan) };
      })
      .filter((entry) => entry.activities.length > 0),
    areas: plansOf(plan)
      .flatMap((one) =>
        one.areas.map((area) => {
          const inArea = activities.filter((activity) => activity.plan === one.id && activity.area === area.id);
          return { plan: one, area, activities: inArea, byStatus: countStatuses(inArea) };
        }),
      )
      .filter((area) => area.activities.length > 0),
    parties: plan.parties
      .map((party) => ({
        party,
        units: (plan.units.get(party.id) ?? [])
          .map((unit) => {
            const carried = activities.filter((activity) => activity.units[party.id]?.includes(unit.code));
            return { unit, byStatus: countStatuses(carried), total: carried.length };
          })
          .filter((workload) => workload.total > 0),
      }))
      .filter((party) => party.units.length > 0),
    onHold: activities.filter((activity) => activity.status === 'on-hold').map(dated),
    cancelled: activities.filter((activity) => activity.status === 'cancelled').map(dated),
    stale: activities
      .filter((activity) => OPEN.includes(activity.status))
      .map(dated)
      .filter((entry) => entry.days > staleDays),
  };
}

/** An area as a chart or table row names it: with its plan when several plans are in view, since two plans may share an area's title. */
export function areaLabel({ plan, area }: StatusReport['areas'][number], several: boolean): string {
  return several ? `${plan.id}: ${area.title}` : area.title;
}


// Whole days from one calendar date to another (YYYY-MM-DD), free of time zones and daylight saving.
function daysBetween(from: string, to: string): number {
  const day = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.round((day(to) - day(from)) / 86_400_000);
}
