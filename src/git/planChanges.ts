import { basename, relative } from 'node:path';
import { diffWorkspaces, type WorkspaceSide } from '../domain/diffWorkspaces.js';
import type { PlanChanges, PlanVersion } from '../domain/planChanges.js';
import type { ScopeRequest } from '../domain/scope.js';
import { versionLabel } from '../domain/versionLabel.js';
import { loadWorkspace, ORGANISATIONS_FOLDER, type WorkspaceLoadOptions } from '../load/loadWorkspace.js';
import { fsSource } from '../load/planSource.js';
import type { PartialPlan } from '../model.js';
import { sanitize } from '../text/sanitize.js';
import { GitRepository } from './gitRepository.js';

/** The two versions to compare: git revisions as a user writes them; without `head`, the working tree. */
export interface PlanRange {
  /** A revision; without `head` it may also be a range, `A..B`, or `A...B` (from the merge base, as for a pull request). */
  base: string;
  head?: string;
}

/** A side as read, and what of it could not be: the warnings name them once the scope is known. */
interface LoadedSide {
  side: WorkspaceSide | null;
  /** Set when the workspace has errors. */
  invalid?: { findings: string; first: string };
}

/**
 * The changes to the workspace in `dir` between two versions, for the plans in `options.scope`
 * and every organisation: what `plan diff` shows, and what `plan report --since REF` lists
 * (`planChanges(dir, { base: REF }, options)`: REF to the working tree).
 * Outside a git repository or with an unknown revision: a UsageError.
 */
export function planChanges(dir: string, { base, head }: PlanRange, options: Omit<WorkspaceLoadOptions, 'source'> & { scope?: ScopeRequest }): PlanChanges {
  const repository = GitRepository.of(dir, relative(options.cwd, dir) || '.');
  const { scope = {}, ...loadOptions } = options;
  const range = head === undefined ? /^(.*?)(\.\.\.?)(.*)$/s.exec(base) : null;
  const from = range ? range[1] || 'HEAD' : base;
  const to = range ? range[3] || 'HEAD' : head;
  const fromMergeBase = range?.[2] === '...';
  let fromCommit = repository.commit(from);
  const toCommit = to === undefined ? null : repository.commit(to);
  if (fromMergeBase) fromCommit = repository.mergeBase(fromCommit, toCommit!);

  const load = (version: PlanVersion): LoadedSide => {
    const source = version.commit === null ? fsSource(dir) : repository.source(version.commit);
    // A revision before the workspace existed: an empty side, so the change that adds it lists all it adds.
    if (!source.list().includes('workspace.yaml')) return { side: null };
    const { workspace, partial, findings } = loadWorkspace(dir, { ...loadOptions, source });
    if (workspace) return { side: { organisations: workspace.organisations, plans: workspace.plans } };
    const errors = findings.filter((finding) => finding.severity === 'error');
    const first = errors[0] ? `; first: ${errors[0].file}:${errors[0].line}:${errors[0].column} ${errors[0].rule} ${errors[0].message}` : '';
    const read = new Set((partial?.organisations ?? []).map((organisation) => basename(organisation.file)));
    const unreadOrganisations = source
      .list(ORGANISATIONS_FOLDER)
      .filter((name) => /\.ya?ml$/.test(name) && !read.has(name))
      .map((name) => name.replace(/\.ya?ml$/, ''));
    const plans = partial?.plans ?? [];
    // workspace.yaml unread leaves no plan listed although plan folders are there.
    const plansKnown = plans.length > 0 || !source.list().some((name) => name !== ORGANISATIONS_FOLDER && source.list(name).includes('plan.yaml'));
    return {
      side: { organisations: partial?.organisations ?? [], unreadOrganisations, plans, plansKnown },
      invalid: { findings: counted(errors.length, 'error') + ', ' + counted(findings.length - errors.length, 'warning'), first },
    };
  };
  const baseVersion = { revision: fromMergeBase ? base : from, commit: fromCommit };
  const headVersion = { revision: to ?? null, commit: toCommit };
  const before = load(baseVersion);
  const after = load(headVersion);
  const diff = diffWorkspaces(before.side, after.side, scope);
  const warnings = [...sideWarnings(before, baseVersion, diff.scope), ...sideWarnings(after, headVersion, diff.scope)];
  return { base: baseVersion, head: headVersion, diff, complete: warnings.length === 0, warnings };
}

// What an invalid side leaves out, for the plans in scope: each file named with its plan folder.
function sideWarnings({ side, invalid }: LoadedSide, version: PlanVersion, scope: readonly string[]): string[] {
  if (!side || !invalid) return [];
  const name = sanitize(versionLabel(version));
  const warnings = [`the workspace in ${name} is invalid (${invalid.findings}${sanitize(invalid.first)}); compared where it could be read`];
  if (side.plansKnown === false) warnings.push(`in ${name}, workspace.yaml could not be read: no plan is reported as added or removed`);
  const organisations = side.unreadOrganisations ?? [];
  if (organisations.length) {
    const files = organisations.map((id) => sanitize(`${ORGANISATIONS_FOLDER}/${id}.yaml`)).join(', ');
    warnings.push(
      `in ${name}, ${files} could not be read: ${organisations.length === 1 ? 'that organisation and its units are' : 'those organisations and their units are'} not compared`,
    );
  }
  for (const plan of side.plans as readonly PartialPlan[]) {
    if (!scope.includes(plan.id)) continue;
    if (!plan.meta) warnings.push(`in ${name}, ${sanitize(`${plan.id}/plan.yaml`)} could not be read: the fields, areas and activities of ${sanitize(plan.id)} are not compared`);
    else if (plan.unreadAreas?.length) {
      const files = plan.unreadAreas.map((id) => sanitize(`${plan.id}/${id}.yaml`)).join(', ');
      warnings.push(`in ${name}, ${files} could not be read: activities missing there are not reported as added or removed`);
    }
  }
  return warnings;
}

function counted(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}
