import type { GlobalOptions } from '../cli.js';
import { localDate, type Io } from '../io.js';
import { findPlanDir } from '../load/findPlanDir.js';
import { loadPlan } from '../load/loadPlan.js';
import type { Plan } from '../model.js';
import { countLine, findingLine } from '../render/findings.js';
import { plain } from '../render/style.js';

const SHOWN_ERRORS = 10;

/** The plan for every command but validate; an invalid plan is refused with its first errors on stderr. */
export function openPlan(options: GlobalOptions, io: Io): Plan | undefined {
  const dir = findPlanDir(io.cwd, io.env, options.planDir);
  const { plan, findings } = loadPlan(dir, { cwd: io.cwd, today: localDate(io.now()) });
  if (plan) return plan;
  const errors = findings.filter((finding) => finding.severity === 'error');
  const shown = errors.slice(0, SHOWN_ERRORS).map((finding) => `${findingLine(finding, plain)}\n`);
  io.stderr.write(`plan: the plan is invalid:\n${shown.join('')}`);
  const more = errors.length > SHOWN_ERRORS ? ` (${errors.length - SHOWN_ERRORS} more not shown)` : '';
  io.stderr.write(`${countLine(errors)}${more}; run plan validate for the full list\n`);
  return undefined;
}
