import { isDeepStrictEqual } from 'node:util';
import type { Activity, HistoryEntry, PartialPlan, Plan, Status } from '../model.js';
import { planFieldChanges, type PlanFieldChange, type PlanFields } from './planFieldChanges.js';
import { wordDiff, type WordChange } from './wordDiff.js';

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

/** One field of an activity, old → new; a text also as the words that changed. */
export interface FieldChange {
  field: Exclude<ChangedField, 'history'>;
  /** The old value (null when the field was absent). */
  from: string | string[] | null;
  to: string | string[] | null;
  /** For `title` and `text`: the old and new text as a word-level diff. */
  words?: WordChange[];
}

/** What changed in an activity present on both sides. */
export interface ActivityChange {
  id: string;
  /** The title on the newer side. */
  title: string;
  status: StatusChange | null;
  units: UnitsChange[];
  /** The fields that changed, by name; `history` only when entries were changed or removed, not just added. */
  fields: ChangedField[];
  /** Each field that changed (but the history), old → new. */
  changes: FieldChange[];
  /** Every history entry added in the range, oldest first: status changes and progress notes alike. */
  history: HistoryEntry[];
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
  /** The fields of plan.yaml that changed, old → new. */
  planFields: PlanFieldChange[];
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
    planFields: [],
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
  // A side without a plan (an empty title: the schema allows none) adds all it holds; its fields are not changes.
  if (base.meta.title !== '' && head.meta.title !== '') diff.planFields = planFieldChanges(base.meta as PlanFields, head.meta as PlanFields);

  const area = (plan: Plan | PartialPlan, id: string): AreaSummary => ({ id, title: plan.areas.find((candidate) => candidate.id === id)?.title ?? null });
  diff.areas.added = head.meta.areas.filter((id) => !base.meta!.areas.includes(id)).map((id) => area(head, id));
  diff.areas.removed = base.meta.areas.filter((id) => !head.meta!.areas.includes(id)).map((id) => area(base, id));

  // By plan and id: across several plans an id may recur.
  const key = (activity: Activity) => `${activity.plan}/${activity.id}`;
  const baseById = new Map(base.activities.map((activity) => [key(activity), activity]));
  const headIds = new Set(head.activities.map(key));
  // An activity missing on one side may stand in a file that side could not read.
  const baseComplete = unreadAreas(base).length === 0;
  const headComplete = unreadAreas(head).length === 0;
  for (const after of head.activities) {
    const before = baseById.get(key(after));
    if (!before) {
      if (baseComplete) diff.activities.added.push(summary(after));
      continue;
    }
    const change = activityChange(before, after);
    if (change) diff.activities.changed.push(change);
  }
  if (headComplete) diff.activities.removed = base.activities.filter((activity) => !headIds.has(key(activity))).map(summary);
  return diff;
}

function unreadAreas(plan: Plan | PartialPlan): readonly string[] {
  return 'unreadAreas' in plan ? plan.unreadAreas : [];
}

function summary(activity: Activity): ActivitySummary {
  return { id: activity.id, title: activity.title, status: activity.status, area: activity.area };
}

/** What changed in one activity between two versions, or undefined when nothing did. */
export function activityChange(before: Activity, after: Activity): ActivityChange | undefined {
  const fields: ChangedField[] = FIELDS.filter((field) => !isDeepStrictEqual(before[field] ?? null, after[field] ?? null));
  const changes = fields.map((field): FieldChange => {
    const from = (before[field] as string | string[] | undefined) ?? null;
    const to = (after[field] as string | string[] | undefined) ?? null;
    const words = (field === 'title' || field === 'text') && typeof from === 'string' && typeof to === 'string' ? { words: wordDiff(from, to) } : {};
    return { field: field as FieldChange['field'], from, to, ...words };
  });
  const { added, rewritten } = addedEntries(before.history, after.history);
  let status: StatusChange | null = null;
  if (before.status !== after.status) {
    const entry = added.filter((candidate) => candidate.status === after.status).at(-1);
    status = { from: before.status, to: after.status, date: entry?.date ?? null, note: entry?.note ?? null };
  }
  if (rewritten) fields.push('history');
  const units = unitsChanges(before.units, after.units);
  if (!status && units.length === 0 && fields.length === 0 && added.length === 0) return undefined;
  return { id: after.id, title: after.title, status, units, fields, changes, history: added };
}

// The entries the newer history has that the older one has not, in its order; `rewritten` when
// an older entry was changed or removed, so the history was not only extended.
function addedEntries(before: readonly HistoryEntry[], after: readonly HistoryEntry[]): { added: HistoryEntry[]; rewritten: boolean } {
  let common = 0;
  while (common < before.length && common < after.length && isDeepStrictEqual(before[common], after[common])) common += 1;
  if (common === before.length) return { added: after.slice(common), rewritten: false };
  // Entries past the shared start that the older history did not hold are the ones added.
  const older = before.slice(common);
  const added = after.slice(common).filter((entry) => !older.some((old) => isDeepStrictEqual(old, entry)));
  return { added, rewritten: true };
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
