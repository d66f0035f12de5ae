import { isDeepStrictEqual } from 'node:util';
import type { Activity, HistoryEntry, PartialPlan, Plan, Status } from '../model.js';

/** An activity as a diff names it. */
export interface ActivitySummary {
  id: string;
  title: string;
  status: Status;
  area: string;
}

/** A change of status, with the history entry that records it (when the history does). */
export interface StatusChange {
  from: Status;
  to: Status;
  date: string | null;
  note: string | null;
}

/** One party's implementing units of an activity, codes added and removed. */
export interface UnitsChange {
  party: string;
  added: string[];
  removed: string[];
}

/** The fields compared beyond status and units, as the YAML names them. */
export type ChangedField = 'title' | 'area' | 'with' | 'text' | 'actions' | 'related' | 'history';

/** What changed in an activity present on both sides. */
export interface ActivityChange {
  id: string;
  /** The title on the newer side. */
  title: string;
  status: StatusChange | null;
  units: UnitsChange[];
  /** `history` appears only when the history changed other than by entries recording the status change. */
  fields: ChangedField[];
}

/** A unit of a party, as units.yaml declares it. */
export interface UnitSummary {
  party: string;
  code: string;
  name: string;
}

/** An area, as plan.yaml lists it (the title when its file could be read). */
export interface AreaSummary {
  id: string;
  title: string | null;
}

/** Everything that differs between two versions of a plan, in plan order. */
export interface PlanDiff {
  activities: { added: ActivitySummary[]; removed: ActivitySummary[]; changed: ActivityChange[] };
  units: { added: UnitSummary[]; removed: UnitSummary[] };
  areas: { added: AreaSummary[]; removed: AreaSummary[] };
}

const FIELDS: readonly Exclude<ChangedField, 'history'>[] = ['title', 'area', 'with', 'text', 'actions', 'related'];

/**
 * Compares two versions of a plan as a reviewer reads them ("IA-2: planned → in-progress"),
 * not as lines of YAML. Either side may be partial (a revision whose plan is invalid): what
 * one side could not read is neither added nor removed.
 */
export function diffPlans(base: Plan | PartialPlan, head: Plan | PartialPlan): PlanDiff {
  const diff: PlanDiff = {
    activities: { added: [], removed: [], changed: [] },
    units: { added: [], removed: [] },
    areas: { added: [], removed: [] },
  };
  if (base.units && head.units) {
    const units = (plan: Plan | PartialPlan) =>
      [...plan.units!].flatMap(([party, list]) => list.map((unit) => ({ party, code: unit.code, name: unit.name })));
    const key = (unit: UnitSummary) => `${unit.party}\u0000${unit.code}`;
    const [before, after] = [units(base), units(head)];
    const beforeKeys = new Set(before.map(key));
    const afterKeys = new Set(after.map(key));
    diff.units.added = after.filter((unit) => !beforeKeys.has(key(unit)));
    diff.units.removed = before.filter((unit) => !afterKeys.has(key(unit)));
  }
  // Without plan.yaml a side's areas, and so its activities, are unknown.
  if (!base.meta || !head.meta) return diff;

  const area = (plan: Plan | PartialPlan, id: string): AreaSummary => ({ id, title: plan.areas.find((candidate) => candidate.id === id)?.title ?? null });
  diff.areas.added = head.meta.areas.filter((id) => !base.meta!.areas.includes(id)).map((id) => area(head, id));
  diff.areas.removed = base.meta.areas.filter((id) => !head.meta!.areas.includes(id)).map((id) => area(base, id));

  const baseById = new Map(base.activities.map((activity) => [activity.id, activity]));
  const headIds = new Set(head.activities.map((activity) => activity.id));
  // An activity missing on one side may stand in a file that side could not read.
  const baseComplete = unreadAreas(base).length === 0;
  const headComplete = unreadAreas(head).length === 0;
  for (const after of head.activities) {
    const before = baseById.get(after.id);
    if (!before) {
      if (baseComplete) diff.activities.added.push(summary(after));
      continue;
    }
    const change = activityChange(before, after);
    if (change) diff.activities.changed.push(change);
  }
  if (headComplete) diff.activities.removed = base.activities.filter((activity) => !headIds.has(activity.id)).map(summary);
  return diff;
}

function unreadAreas(plan: Plan | PartialPlan): readonly string[] {
  return 'unreadAreas' in plan ? plan.unreadAreas : [];
}

function summary(activity: Activity): ActivitySummary {
  return { id: activity.id, title: activity.title, status: activity.status, area: activity.area };
}

function activityChange(before: Activity, after: Activity): ActivityChange | undefined {
  const fields: ChangedField[] = FIELDS.filter((field) => !isDeepStrictEqual(before[field] ?? null, after[field] ?? null));
  const added = appendedEntries(before.history, after.history);
  let status: StatusChange | null = null;
  if (before.status !== after.status) {
    const entry = added?.filter((candidate) => candidate.status === after.status).at(-1);
    status = { from: before.status, to: after.status, date: entry?.date ?? null, note: entry?.note ?? null };
  }
  if (!isDeepStrictEqual(before.history, after.history) && (status === null || added === undefined)) fields.push('history');
  const units = unitsChanges(before.units, after.units);
  if (!status && units.length === 0 && fields.length === 0) return undefined;
  return { id: after.id, title: after.title, status, units, fields };
}

// The entries added at the end of a history, or undefined when earlier entries changed too.
function appendedEntries(before: readonly HistoryEntry[], after: readonly HistoryEntry[]): HistoryEntry[] | undefined {
  if (after.length < before.length) return undefined;
  if (!before.every((entry, index) => isDeepStrictEqual(entry, after[index]))) return undefined;
  return after.slice(before.length);
}

function unitsChanges(before: Record<string, string[]>, after: Record<string, string[]>): UnitsChange[] {
  const parties = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return parties.flatMap((party) => {
    const was = before[party] ?? [];
    const is = after[party] ?? [];
    const added = is.filter((code) => !was.includes(code));
    const removed = was.filter((code) => !is.includes(code));
    return added.length || removed.length ? [{ party, added, removed }] : [];
  });
}
