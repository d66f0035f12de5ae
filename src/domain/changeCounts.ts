import type { PlanDiff } from './diffPlans.js';
import { unitsOf, type WorkspaceDiff } from './diffWorkspaces.js';

// A change of these is a rename; one of aliases or former names alone is not.
const RENAMES: readonly string[] = ['id', 'name', 'short_name'];

type Count = [n: number, one: string, many: string, what: string];

/**
 * "1 plan added, 1 unit ended, 2 status changes, ...": the parts of a workspace diff that are not
 * zero, as words, in the order a diff shows them: plans, organisations and their units, then what
 * changed in the plans (summed over them).
 */
export function changeCounts(diff: WorkspaceDiff): string[] {
  const { plans, organisations } = diff;
  const units = unitsOf(diff);
  const perPlan = plans.changed.map((entry) => planCounts(entry.diff));
  const summed = perPlan.length === 0 ? [] : perPlan[0]!.map(([, one, many, what], index): Count => [perPlan.reduce((sum, counts) => sum + counts[index]![0], 0), one, many, what]);
  return words([
    [plans.added.length, 'plan', 'plans', ' added'],
    [plans.removed.length, 'plan', 'plans', ' removed'],
    [organisations.added.length, 'organisation', 'organisations', ' added'],
    [organisations.removed.length, 'organisation', 'organisations', ' removed'],
    [organisations.changed.filter((change) => change.fields.some(({ field }) => RENAMES.includes(field))).length, 'organisation renamed', 'organisations renamed', ''],
    [
      organisations.changed.filter((change) => change.fields.length && change.fields.every(({ field }) => !RENAMES.includes(field))).length,
      'organisation with other names changed',
      'organisations with other names changed',
      '',
    ],
    [units.added.length, 'unit', 'units', ' added'],
    [units.removed.length, 'unit', 'units', ' removed'],
    [units.ended.length, 'unit', 'units', ' ended'],
    [units.replaced.length, 'unit', 'units', ' replaced'],
    ...summed,
  ]);
}

/** The counts of one plan's diff, as words (its units aside: a workspace diff reports them with their organisations). */
export function planChangeCounts(diff: PlanDiff): string[] {
  return words(planCounts(diff));
}

function planCounts(diff: PlanDiff): Count[] {
  const { activities, areas } = diff;
  return [
    [diff.planFields.length, 'plan field', 'plan fields', ' changed'],
    [activities.added.length, 'activity', 'activities', ' added'],
    [activities.removed.length, 'activity', 'activities', ' removed'],
    [activities.changed.filter((change) => change.status).length, 'status change', 'status changes', ''],
    [activities.changed.reduce((sum, change) => sum + change.history.length, 0), 'history entry', 'history entries', ' added'],
    [activities.changed.filter((change) => change.units.length).length, 'unit change', 'unit changes', ''],
    [activities.changed.filter((change) => change.fields.length).length, 'field change', 'field changes', ''],
    [areas.added.length, 'area', 'areas', ' added'],
    [areas.removed.length, 'area', 'areas', ' removed'],
  ];
}

function words(counts: readonly Count[]): string[] {
  return counts.flatMap(([n, one, many, what]) => (n === 0 ? [] : [`${n} ${n === 1 ? one : many}${what}`]));
}
