import type { GlobalOptions } from './options.js';
import { scopeView, selectScope } from '../domain/scope.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { findWorkspace } from '../load/findWorkspace.js';
import { loadWorkspace } from '../load/loadWorkspace.js';
import type { PlanSource } from '../load/planSource.js';
import type { Plan, Workspace } from '../model.js';
import { refusal } from '../render/findings.js';
import { sanitize } from '../text/sanitize.js';

/** Options of the commands that can read the workspace as a git revision holds it. */
export interface AtOptions {
  /** `--at REV`: the workspace as that revision holds it, read from git, nothing checked out. */
  at?: string;
}

/** A valid workspace, opened for one command. */
export interface OpenWorkspace {
  workspace: Workspace;
  /** The plans in scope, as one plan to query and render (scopeView). */
  view: Plan;
  /** Today in the workspace's time zone. */
  today: string;
}

/**
 * The workspace for every command but validate, from the files on disk or, with `--at REV`, from
 * that git revision, through the same load and validation; the plans in scope as one view. An
 * invalid workspace is refused with its first errors on stderr.
 */
export async function openWorkspace(options: GlobalOptions & AtOptions, io: Io): Promise<OpenWorkspace | undefined> {
  const { root, here } = findWorkspace(io.cwd, io.env, options.planDir);
  let source: PlanSource | undefined;
  if (options.at !== undefined) {
    // Loaded only when asked for: reading the files on disk needs no child process.
    const { gitTreeSource } = await import('../git/gitTreeSource.js');
    source = gitTreeSource(root, options.at);
    if (!source.list().includes('workspace.yaml')) throw new UsageError(`revision "${sanitize(options.at)}" holds no workspace where this one is`);
  }
  const { workspace, findings, today } = loadWorkspace(root, { cwd: io.cwd, now: io.now(), ...(source && { source }) });
  if (!workspace) {
    const where = options.at === undefined ? '' : ` at revision ${sanitize(options.at)}`;
    io.stderr.write(refusal(`the workspace${where} is invalid`, findings));
    return undefined;
  }
  const plans = selectScope(workspace, { ...(options.plan && { plan: options.plan }), ...(options.allPlans && { allPlans: true }), ...(here !== undefined && { here }) });
  if (plans.length === 0) throw new UsageError('no plan in scope: the workspace has no plan yet (plan init PLAN-ID adds one)');
  return { workspace, view: scopeView(plans), today };
}
