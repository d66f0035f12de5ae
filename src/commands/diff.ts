import type { GlobalOptions } from '../cli.js';
import { ExitCode } from '../errors.js';
import { planChanges } from '../git/planChanges.js';
import { localDate, type Io } from '../io.js';
import { findPlanDir } from '../load/findPlanDir.js';
import { planDiffJson, planDiffMarkdown, planDiffText, type PlanDiffFormat } from '../render/planDiff.js';
import { styleFor } from '../render/style.js';

export interface DiffOptions extends GlobalOptions {
  base?: string;
  head?: string;
  format: PlanDiffFormat;
}

/** `plan diff`: what changed in the plan between two git revisions, or from one to the working tree. */
export async function diff(options: DiffOptions, io: Io): Promise<ExitCode> {
  const dir = findPlanDir(io.cwd, io.env, options.planDir);
  const changes = planChanges(dir, { base: options.base ?? 'HEAD', head: options.head }, { cwd: io.cwd, today: localDate(io.now()) });
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
