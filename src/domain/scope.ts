import { UsageError } from '../errors.js';
import { splitValues } from './query.js';
import type { Activity, Area, OtherOrganisation, Party, Plan, Unit, Workspace } from '../model.js';
import { didYouMean } from '../text/closest.js';

/** How a command's plans are chosen: `--plan`, `--all-plans`, or the plan whose folder the command runs in. */
export interface ScopeRequest {
  /** `--plan` values, by id or unambiguous start, each possibly comma-separated. */
  plan?: readonly string[];
  allPlans?: boolean;
  /** The plan whose folder holds the current directory, if any. */
  here?: string;
}

/**
 * The plans a command answers for: those named, else the one whose folder it runs in, else every
 * plan that no other plan of the workspace supersedes; in workspace order.
 */
export function selectScope(workspace: Workspace, request: ScopeRequest): Plan[] {
  const wanted = new Set(scopeIds(workspace.plans.map((plan) => plan.id), currentPlanIds(workspace.plans), request));
  return workspace.plans.filter((plan) => wanted.has(plan.id));
}

/** The ids of `ids` that `request` takes, in their order: `current` (the plans in force) unless it names plans, all plans, or the plan it runs in. */
export function scopeIds(ids: readonly string[], current: ReadonlySet<string>, request: ScopeRequest): string[] {
  if (request.allPlans) {
    if (request.plan?.length) throw new UsageError('--plan and --all-plans: give one of them');
    return [...ids];
  }
  const names = splitValues(request.plan ?? []);
  if (names.length > 0) {
    const wanted = new Set(names.map((name) => resolvePlanId(ids, name)));
    return ids.filter((id) => wanted.has(id));
  }
  if (request.here !== undefined && ids.includes(request.here)) return [request.here];
  return ids.filter((id) => current.has(id));
}

/** The ids of the plans no other plan of `plans` supersedes: those in force. */
export function currentPlanIds(plans: readonly { id: string; meta?: { supersedes?: string } }[]): Set<string> {
  const superseded = new Set(plans.flatMap((plan) => (plan.meta?.supersedes === undefined ? [] : [plan.meta.supersedes])));
  return new Set(plans.map((plan) => plan.id).filter((id) => !superseded.has(id)));
}

/** The plan id `name` names: an id, or the start of exactly one (case-insensitive). */
export function resolvePlanId(ids: readonly string[], name: string, option = '--plan'): string {
  const wanted = name.toLowerCase();
  const exact = ids.find((id) => id === wanted);
  if (exact) return exact;
  const starting = ids.filter((id) => id.startsWith(wanted));
  if (starting.length === 1) return starting[0]!;
  if (starting.length > 1) throw new UsageError(`${option} ${name}: ambiguous, it starts ${starting.join(', ')}`);
  throw new UsageError(`${option} ${name}: no plan "${name}"${didYouMean(name, ids)}; plans: ${ids.join(', ')}`);
}

/**
 * The plans in scope as one plan to query and render: itself when there is one; else their
 * parties, units, organisations and areas joined (first occurrence wins) and their activities in
 * scope order, each carrying its plan, with `scope` holding the plans.
 */
export function scopeView(plans: readonly Plan[]): Plan {
  if (plans.length === 1) return plans[0]!;
  const byId = <T extends { id: string }>(lists: readonly (readonly T[])[]): T[] => {
    const seen = new Map<string, T>();
    for (const list of lists) for (const item of list) if (!seen.has(item.id)) seen.set(item.id, item);
    return [...seen.values()];
  };
  const parties: Party[] = byId(plans.map((plan) => plan.parties));
  const units = new Map<string, Unit[]>();
  for (const plan of plans) {
    for (const [party, list] of plan.units) {
      const known = units.get(party) ?? [];
      const codes = new Set(known.map((unit) => unit.code));
      units.set(party, [...known, ...list.filter((unit) => !codes.has(unit.code))]);
    }
  }
  const areas: Area[] = byId(plans.map((plan) => plan.areas));
  const organisations: OtherOrganisation[] = byId(plans.map((plan) => plan.organisations)).filter((organisation) => !parties.some((party) => party.id === organisation.id));
  return {
    id: plans.map((plan) => plan.id).join(','),
    dir: plans[0]?.dir ?? '',
    meta: {
      title: plans.map((plan) => plan.meta.title).join('; '),
      parties: parties.map((party) => ({ organisation: party.id })),
      areas: areas.map((area) => area.id),
    },
    parties,
    organisations,
    units,
    areas,
    activities: plans.flatMap((plan) => plan.activities),
    scope: [...plans],
  };
}

/** The plans a view stands for: its scope, or itself. */
export function plansOf(view: Plan): readonly Plan[] {
  return view.scope ?? [view];
}

/** The plan of the view that `activity` belongs to. */
export function planOf(view: Plan, activity: Activity): Plan {
  return plansOf(view).find((plan) => plan.id === activity.plan) ?? view;
}

/**
 * The activity `name` names in the view: `PLAN/ID` or a bare `ID` unique in it (case-insensitive);
 * undefined when none has it, a UsageError naming the candidates when several do.
 */
export function findActivity(view: Plan, name: string): Activity | undefined {
  const wanted = name.trim().toLowerCase();
  const slash = wanted.indexOf('/');
  if (slash !== -1) {
    const ids = plansOf(view).map((plan) => plan.id);
    const prefix = wanted.slice(0, slash);
    if (!ids.some((id) => id.startsWith(prefix))) {
      throw new UsageError(`${name}: no plan "${prefix}" in scope${didYouMean(prefix, ids)}; in scope: ${ids.join(', ')} (--all-plans adds the superseded ones)`);
    }
    const planId = resolvePlanId(ids, prefix, name);
    const id = wanted.slice(slash + 1);
    return view.activities.find((activity) => activity.plan === planId && activity.id.toLowerCase() === id);
  }
  const matches = view.activities.filter((activity) => activity.id.toLowerCase() === wanted);
  if (matches.length > 1) {
    throw new UsageError(`${name} is in ${matches.length} plans: give one of ${matches.map((activity) => `${activity.plan}/${activity.id}`).join(', ')}`);
  }
  return matches[0];
}

/** How an activity is named where several plans are in view: PLAN/ID, else its id. */
export function activityName(view: Plan, activity: Activity): string {
  return plansOf(view).length > 1 ? `${activity.plan}/${activity.id}` : activity.id;
}
