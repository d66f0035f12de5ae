import type { GlobalOptions } from '../cli.js';
import { ExitCode } from '../errors.js';
import { localDate, type Io } from '../io.js';
import { findPlanDir } from '../load/findPlanDir.js';
import { loadPlan } from '../load/loadPlan.js';
import type { Finding } from '../model.js';
import { findingsGithub, findingsJson, findingsText, type FindingsFormat } from '../render/findings.js';
import { styleFor } from '../render/style.js';

export interface ValidateOptions extends GlobalOptions {
  format: FindingsFormat;
  strict?: boolean;
}

/** `plan validate`: every finding in the plan, exit 1 when any is an error (or, with --strict, a warning). */
export async function validate(options: ValidateOptions, io: Io): Promise<ExitCode> {
  const dir = findPlanDir(io.cwd, io.env, options.planDir);
  const { findings: found } = loadPlan(dir, { cwd: io.cwd, today: localDate(io.now()), findingsOnly: true });
  const findings: Finding[] = options.strict ? found.map((finding) => ({ ...finding, severity: 'error' })) : found;
  switch (options.format) {
    case 'json':
      io.stdout.write(findingsJson(findings));
      break;
    case 'github':
      io.stdout.write(findingsGithub(findings));
      break;
    default:
      io.stdout.write(findingsText(findings, await styleFor(options.color && io.color)));
  }
  return findings.some((finding) => finding.severity === 'error') ? ExitCode.invalid : ExitCode.ok;
}
