import type { Plan, Status, Unit } from '../model.js';
import { countStatuses } from './statusCounts.js';

/** One unit of one party and how many activities it carries: a row of `plan units`. */
export interface UnitCount {
  party: string;
  code: string;
  name: string;
  kind: Unit['kind'];
  activities: number;
  /** Every status, in STATUSES order, zeros included, so each row has the same shape. */
  by_status: Record<Status, number>;
}

/** The units of the given parties (all, in plan order, when none is given), in units.yaml order, with their activity counts. */
export function unitCounts(plan: Plan, parties: readonly string[] = plan.parties.map((party) => party.id)): UnitCount[] {
  return parties.flatMap((party) =>
    (plan.units.get(party) ?? []).map((unit) => {
      const carried = plan.activities.filter((activity) => activity.units[party]?.includes(unit.code));
      return { party, code: unit.code, name: unit.name, kind: unit.kind, activities: carried.length, by_status: countStatuses(carried) };
    }),
  );
}
