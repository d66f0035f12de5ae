import { isDeepStrictEqual } from 'node:util';
import type { FormerName, Organisation, PartialPlan, Plan, Unit } from '../model.js';
import { diffPlans, type PlanDiff } from './diffPlans.js';
import { currentPlanIds, scopeIds, type ScopeRequest } from './scope.js';
import { wordDiff, type WordChange } from './wordDiff.js';

/** One side of a comparison, as far as it could be read; `null` in its place is a side without a workspace (empty). */
export interface WorkspaceSide {
  organisations: readonly Organisation[];
  /** The ids (file names) of organisation files that could not be read: those are neither added, removed nor changed. */
  unreadOrganisations?: readonly string[];
  /** Its plans, each valid or partial, in workspace order. */
  plans: readonly (Plan | PartialPlan)[];
  /** False when workspace.yaml could not be read, so which plans the side holds is unknown: none is called added or removed. */
  plansKnown?: boolean;
}

/** A plan as a diff names it (the title null when its plan.yaml could not be read). */
export interface PlanSummary {
  id: string;
  title: string | null;
}

/** The diff of one plan in scope: one on both sides, or one added or removed against an empty plan. */
export interface PlanDiffEntry extends PlanSummary {
  diff: PlanDiff;
}

/** A unit of an organisation, as its file declares it. */
export interface OrganisationUnit {
  code: string;
  name: string;
}

/** An organisation added or removed, with every unit it holds. */
export interface OrganisationSummary {
  id: string;
  name: string;
  short_name: string;
  units: OrganisationUnit[];
}

/** The fields of an organisation file a diff compares (beyond its units). */
export type OrganisationField = 'id' | 'name' | 'short_name' | 'aliases' | 'former_names';

/** One field of an organisation, old → new; `name` also as the words that changed. A former name reads `Name (SHORT, id) until DATE`. */
export interface OrganisationFieldChange {
  field: OrganisationField;
  from: string | string[] | null;
  to: string | string[] | null;
  words?: WordChange[];
}

/** What changed in an organisation present on both sides (matched by id, or by a former id it now records). */
export interface OrganisationChange {
  /** The id on the newer side. */
  id: string;
  /** The short name on the newer side. */
  short_name: string;
  fields: OrganisationFieldChange[];
  units: {
    added: OrganisationUnit[];
    removed: OrganisationUnit[];
    /** Units whose `until` was set (or moved) in the range. */
    ended: (OrganisationUnit & { until: string })[];
    /** Units whose `replaced_by` was set (or changed) in the range, and what that makes of it. */
    replaced: (OrganisationUnit & { replaced_by: string[]; kind: ReplacementKind; with: string[] })[];
  };
}

/**
 * A replacement as people name it: one unit by one new one is a rename; several units naming
 * one, or one naming a unit that already existed, a merger (`with`: the other units merged);
 * one unit by several, a split.
 */
export type ReplacementKind = 'renamed' | 'merged' | 'split';

/** A replacement in the words a reader uses, beside its successors: "renamed", "split", "merged", "merged with X, Y"; plain text, for a renderer to escape. */
export function replacementText(unit: { kind: ReplacementKind; with: readonly string[] }): string {
  return unit.kind === 'merged' && unit.with.length > 0 ? `merged with ${unit.with.join(', ')}` : unit.kind;
}

/** Everything that differs between two versions of a workspace, for the plans in scope and every organisation. */
export interface WorkspaceDiff {
  /** The ids of the plans in scope on either side, newer side's order first. */
  scope: string[];
  plans: {
    added: PlanSummary[];
    removed: PlanSummary[];
    /** Each plan in scope whose diff is not empty, in scope order: added and removed ones against an empty plan. */
    changed: PlanDiffEntry[];
  };
  organisations: { added: OrganisationSummary[]; removed: OrganisationSummary[]; changed: OrganisationChange[] };
}

/**
 * Compares two versions of a workspace: the plans in scope on either side (`request` as `--plan`,
 * `--all-plans` or the plan folder the command runs in ask; by default every plan no plan of its
 * side supersedes), each with diffPlans against the same plan on the other side or an empty one,
 * and every organisation. Units are reported once, with their organisation, not with each plan.
 * A side may be `null` (no workspace: empty) or partial: what it could not read is neither added
 * nor removed.
 */
export function diffWorkspaces(base: WorkspaceSide | null, head: WorkspaceSide | null, request: ScopeRequest = {}): WorkspaceDiff {
  const before = base ?? EMPTY;
  const after = head ?? EMPTY;
  const scope = scopeOfSides(before, after, request);
  const diff: WorkspaceDiff = { scope, plans: { added: [], removed: [], changed: [] }, organisations: diffOrganisations(before, after) };
  for (const id of scope) {
    const old = before.plans.find((plan) => plan.id === id);
    const now = after.plans.find((plan) => plan.id === id);
    // A plan on one side only, where the other side's list of plans is unknown: nothing can be said of it.
    if ((!old && before.plansKnown === false) || (!now && after.plansKnown === false)) continue;
    if (!old) diff.plans.added.push(summary(now!));
    if (!now) diff.plans.removed.push(summary(old!));
    const planDiff = { ...diffPlans(old ?? emptyPlan(id), now ?? emptyPlan(id)), units: { added: [], removed: [] } };
    if (!isEmpty(planDiff)) diff.plans.changed.push({ ...summary(now ?? old!), diff: planDiff });
  }
  return diff;
}

const EMPTY: WorkspaceSide = { organisations: [], plans: [] };

// The plans in scope on either side, by the same request: named ones must exist on one side at least.
function scopeOfSides(base: WorkspaceSide, head: WorkspaceSide, request: ScopeRequest): string[] {
  const ids = [...new Set([...head.plans, ...base.plans].map((plan) => plan.id))];
  // Two sides without a plan: nothing to name, and nothing to refuse.
  if (ids.length === 0 && !request.allPlans) return [];
  const current = new Set([...currentPlanIds(head.plans), ...currentPlanIds(base.plans)]);
  return scopeIds(ids, current, request);
}

function summary(plan: Plan | PartialPlan): PlanSummary {
  return { id: plan.id, title: plan.meta?.title ?? null };
}

// A plan with nothing in it: the other side of a plan added or removed.
function emptyPlan(id: string): PartialPlan {
  return { id, dir: '', meta: { title: '', parties: [], areas: [] }, parties: [], organisations: [], units: new Map(), areas: [], activities: [], unreadAreas: [] };
}

function isEmpty(diff: PlanDiff): boolean {
  const { activities, areas } = diff;
  return diff.planFields.length + activities.added.length + activities.removed.length + activities.changed.length + areas.added.length + areas.removed.length === 0;
}

function diffOrganisations(base: WorkspaceSide, head: WorkspaceSide): WorkspaceDiff['organisations'] {
  const unread = new Set([...(base.unreadOrganisations ?? []), ...(head.unreadOrganisations ?? [])]);
  const result: WorkspaceDiff['organisations'] = { added: [], removed: [], changed: [] };
  const matched = new Set<Organisation>();
  // By id, else by a former id the newer side records (the file renamed with the organisation).
  const counterpart = (organisation: Organisation) =>
    base.organisations.find((old) => old.id === organisation.id) ??
    base.organisations.find((old) => !head.organisations.some((other) => other.id === old.id) && organisation.former_names?.some((former) => former.id === old.id));
  for (const now of head.organisations) {
    const old = counterpart(now);
    if (!old) {
      if (!unread.has(now.id) && !now.former_names?.some((former) => former.id !== undefined && unread.has(former.id))) result.added.push(organisationSummary(now));
      continue;
    }
    matched.add(old);
    const change = organisationChange(old, now);
    if (change) result.changed.push(change);
  }
  for (const old of base.organisations) if (!matched.has(old) && !unread.has(old.id)) result.removed.push(organisationSummary(old));
  return result;
}

function organisationSummary(organisation: Organisation): OrganisationSummary {
  return { id: organisation.id, name: organisation.name, short_name: organisation.short_name, units: (organisation.units ?? []).map(unitSummary) };
}

function unitSummary(unit: Unit): OrganisationUnit {
  return { code: unit.code, name: unit.name };
}

/** What changed in one organisation between two versions, or undefined when nothing did. */
export function organisationChange(before: Organisation, after: Organisation): OrganisationChange | undefined {
  const fields: OrganisationFieldChange[] = [];
  const compare = (field: OrganisationField, from: string | string[] | null, to: string | string[] | null) => {
    if (isDeepStrictEqual(from, to)) return;
    const words = field === 'name' && typeof from === 'string' && typeof to === 'string' ? { words: wordDiff(from, to) } : {};
    fields.push({ field, from, to, ...words });
  };
  compare('id', before.id, after.id);
  compare('name', before.name, after.name);
  compare('short_name', before.short_name, after.short_name);
  compare('aliases', before.aliases ?? [], after.aliases ?? []);
  compare('former_names', (before.former_names ?? []).map(formerName), (after.former_names ?? []).map(formerName));
  const [was, is] = [before.units ?? [], after.units ?? []];
  const old = new Map(was.map((unit) => [unit.code, unit]));
  const units: OrganisationChange['units'] = {
    added: is.filter((unit) => !old.has(unit.code)).map(unitSummary),
    removed: was.filter((unit) => !is.some((candidate) => candidate.code === unit.code)).map(unitSummary),
    ended: [],
    replaced: [],
  };
  for (const unit of is) {
    const previous = old.get(unit.code);
    if (!previous) continue;
    if (unit.until !== undefined && unit.until !== previous.until) units.ended.push({ ...unitSummary(unit), until: unit.until });
    if (unit.replaced_by !== undefined && !isDeepStrictEqual(unit.replaced_by, previous.replaced_by)) {
      const others = is.filter((other) => other !== unit && other.replaced_by?.some((code) => unit.replaced_by!.includes(code))).map((other) => other.code);
      // A successor that already existed takes the unit in: a merger, as when several units name one new one.
      const absorbed = unit.replaced_by.some((code) => old.has(code));
      const kind: ReplacementKind = unit.replaced_by.length > 1 ? 'split' : others.length > 0 || absorbed ? 'merged' : 'renamed';
      units.replaced.push({ ...unitSummary(unit), replaced_by: [...unit.replaced_by], kind, with: kind === 'merged' ? others : [] });
    }
  }
  const unitCount = units.added.length + units.removed.length + units.ended.length + units.replaced.length;
  if (fields.length === 0 && unitCount === 0) return undefined;
  return { id: after.id, short_name: after.short_name, fields, units };
}

function formerName(former: FormerName): string {
  const also = [former.short_name, former.id].filter((part): part is string => part !== undefined);
  return `${former.name}${also.length ? ` (${also.join(', ')})` : ''} until ${former.until}`;
}

/** A unit with the organisation it belongs to: the rows of a diff's unit sections. */
export interface UnitOf<T extends OrganisationUnit = OrganisationUnit> {
  organisation: string;
  unit: T;
}

/**
 * The units a workspace diff reports, over every organisation in its order: those of an
 * organisation added or removed with it, then each changed organisation's.
 */
export function unitsOf(diff: WorkspaceDiff): {
  added: UnitOf[];
  removed: UnitOf[];
  ended: UnitOf<OrganisationChange['units']['ended'][number]>[];
  replaced: UnitOf<OrganisationChange['units']['replaced'][number]>[];
} {
  const { added, removed, changed } = diff.organisations;
  const of = <T extends OrganisationUnit>(organisation: string, units: readonly T[]) => units.map((unit) => ({ organisation, unit }));
  return {
    added: [...added.flatMap((organisation) => of(organisation.id, organisation.units)), ...changed.flatMap((change) => of(change.id, change.units.added))],
    removed: [...removed.flatMap((organisation) => of(organisation.id, organisation.units)), ...changed.flatMap((change) => of(change.id, change.units.removed))],
    ended: changed.flatMap((change) => of(change.id, change.units.ended)),
    replaced: changed.flatMap((change) => of(change.id, change.units.replaced)),
  };
}
