import type { GlobalOptions, PlanDiffFormat } from './options.js';
import { ExitCode } from '../errors.js';
import { planChanges } from '../git/planChanges.js';
import type { Io } from '../io.js';
import { findWorkspace } from '../load/findWorkspace.js';
import { planDiffJson, planDiffMarkdown, planDiffText } from '../render/planDiff.js';
import { styleFor } from '../render/style.js';

export interface DiffOptions extends GlobalOptions {
  base?: string;
  head?: string;
  format: PlanDiffFormat;
}

/** `plan diff`: what changed in the plans in scope between two git revisions, or from one to the working tree. */
export async function diff(options: DiffOptions, io: Io): Promise<ExitCode> {
  const { root, here } = findWorkspace(io.cwd, io.env, options.planDir);
  const scope = { ...(options.plan && { plan: options.plan }), ...(options.allPlans && { allPlans: true }), ...(here !== undefined && { here }) };
  const changes = planChanges(root, { base: options.base ?? 'HEAD', head: options.head }, { cwd: io.cwd, now: io.now(), scope });
  for (const warning of changes.warnings) io.stderr.write(`plan: warning: ${warning}\n`);
  switch (options.format) {
    case 'json':
      io.stdout.write(planDiffJson(changes));
      break;
    case 'markdown':
      io.stdout.write(planDiffMarkdown(changes));
      break;
    default:
      io.stdout.write(planDiffText(changes, await styleFor(options.color && io.color)));
  }
  return ExitCode.ok;
}
