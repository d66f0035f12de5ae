import type { Plan, Workspace } from '../model.js';
import { sanitize } from '../text/sanitize.js';
import type { Candidate, PlanValues } from './completionRequest.js';

/** The values of one kind in the plans in scope, in plan order, described for the shells that show descriptions. */
export function planCandidates(workspace: Workspace, plan: Plan, values: PlanValues, partial: string): Candidate[] {
  switch (values) {
    case 'plan':
      return workspace.plans.map((candidate) => ({ value: candidate.id, description: describe(candidate.meta.title) }));
    case 'unit':
      return unitCandidates(plan, partial);
    case 'party':
      return plan.parties.map((party) => ({ value: party.id, description: describe(party.name) }));
    case 'area':
      return plan.areas.map((area) => ({ value: area.id, description: describe(`${area.prefix}: ${area.title}`) }));
    case 'organisation':
      return plan.organisations.map((organisation) => ({ value: organisation.id, description: describe(organisation.name) }));
    case 'activity': {
      // Once a plan (or the start of one) is typed, its qualified ids follow; a bare id is offered where it is unique in scope.
      const typed = partial.toLowerCase();
      if (partial.includes('/') || (typed !== '' && plan.activities.some((activity) => activity.plan.startsWith(typed)))) return plan.activities.map((activity) => ({ value: `${activity.plan}/${activity.id}`, description: describe(activity.title) }));
      const count = new Map<string, number>();
      for (const activity of plan.activities) count.set(activity.id, (count.get(activity.id) ?? 0) + 1);
      return plan.activities.map((activity) =>
        count.get(activity.id) === 1 ? { value: activity.id, description: describe(activity.title) } : { value: `${activity.plan}/${activity.id}`, description: describe(activity.title) },
      );
    }
  }
}

// A bare code names a unit of any party; once a party and a colon are typed, that party's codes follow.
function unitCandidates(plan: Plan, partial: string): Candidate[] {
  const shortName = new Map(plan.parties.map((party) => [party.id, party.short_name]));
  if (partial.includes(':')) {
    return [...plan.units].flatMap(([party, units]) =>
      units.map((unit) => ({ value: `${party}:${unit.code}`, description: describe(unit.name) })),
    );
  }
  const byCode = new Map<string, string[]>();
  for (const [party, units] of plan.units) {
    for (const unit of units) {
      const described = `${unit.name} (${shortName.get(party) ?? party})`;
      byCode.set(unit.code, [...(byCode.get(unit.code) ?? []), described]);
    }
  }
  return [...byCode].map(([code, names]) => ({ value: code, description: describe(names.join('; ')) }));
}

// Plan text reaches the terminal through the shell's menu: made safe, on one line, without tabs.
function describe(text: string): string {
  return sanitize(text).replace(/\t/g, ' ');
}
