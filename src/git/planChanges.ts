import { relative } from 'node:path';
import { diffPlans, type PlanDiff } from '../domain/diffPlans.js';
import { loadPlan, type LoadOptions } from '../load/loadPlan.js';
import type { PartialPlan, Plan } from '../model.js';
import { countLine } from '../render/findings.js';
import { versionName } from '../render/planDiff.js';
import { sanitize } from '../render/sanitize.js';
import { GitRepository } from './gitRepository.js';

/** One side of a comparison: a revision as the user named it and the commit it is, or (both null) the working tree. */
export interface PlanVersion {
  revision: string | null;
  commit: string | null;
}

/** What changed in the plan between two versions, and what stood in the way of a full comparison. */
export interface PlanChanges {
  base: PlanVersion;
  head: PlanVersion;
  diff: PlanDiff;
  /** Whether both versions loaded without errors, so nothing was left out. */
  complete: boolean;
  /** One line each: a version whose plan is invalid, and what of it could not be read. */
  warnings: string[];
}

/** The two versions to compare: git revisions as a user writes them; without `head`, the working tree. */
export interface PlanRange {
  /** A revision; without `head` it may also be a range, `A..B`, or `A...B` (from the merge base, as for a pull request). */
  base: string;
  head?: string;
}

/**
 * The changes to the plan in `dir` between two versions: what `plan diff` shows, and what
 * `plan report --since REF` lists (`planChanges(dir, { base: REF }, options)`: REF to the working tree).
 * Outside a git repository or with an unknown revision: a UsageError.
 */
export function planChanges(dir: string, { base, head }: PlanRange, options: Omit<LoadOptions, 'source'>): PlanChanges {
  const repository = GitRepository.of(dir, relative(options.cwd, dir) || '.');
  const range = head === undefined ? /^(.*?)(\.\.\.?)(.*)$/s.exec(base) : null;
  const from = range ? range[1] || 'HEAD' : base;
  const to = range ? range[3] || 'HEAD' : head;
  const fromMergeBase = range?.[2] === '...';
  let fromCommit = repository.commit(from);
  const toCommit = to === undefined ? null : repository.commit(to);
  if (fromMergeBase) fromCommit = repository.mergeBase(fromCommit, toCommit!);

  const warnings: string[] = [];
  const load = (version: PlanVersion): Plan | PartialPlan => {
    const source = version.commit === null ? undefined : repository.source(version.commit);
    const { plan, partial, findings } = loadPlan(dir, { ...options, ...(source && { source }) });
    if (plan) return plan;
    const errors = findings.filter((finding) => finding.severity === 'error');
    const first = errors[0] ? `; first: ${sanitize(`${errors[0].file}:${errors[0].line}:${errors[0].column} ${errors[0].rule} ${errors[0].message}`)}` : '';
    warnings.push(`the plan in ${versionName(version)} is invalid (${countLine(errors)}${first}); compared where it could be read`);
    if (partial && !partial.meta) warnings.push(`without its plan.yaml, the areas and activities of ${versionName(version)} are not compared`);
    if (partial && !partial.units) warnings.push(`without its units.yaml, the units of ${versionName(version)} are not compared`);
    if (partial?.unreadAreas.length) {
      warnings.push(`in ${versionName(version)}, ${partial.unreadAreas.map((id) => sanitize(`${id}.yaml`)).join(', ')} could not be read: activities missing there are not reported as added or removed`);
    }
    return partial!;
  };
  const baseVersion = { revision: fromMergeBase ? base : from, commit: fromCommit };
  const headVersion = { revision: to ?? null, commit: toCommit };
  const before = load(baseVersion);
  const after = load(headVersion);
  return { base: baseVersion, head: headVersion, diff: diffPlans(before, after), complete: warnings.length === 0, warnings };
}
