import type { GlobalOptions } from '../cli.js';
import { ExitCode } from '../errors.js';
import type { Io } from '../io.js';
import { planDocument } from '../render/planDocument.js';
import { openPlan } from './openPlan.js';
import { writeOutput } from './writeOutput.js';

export interface ExportOptions extends GlobalOptions {
  out?: string;
}

/** `plan export`: the plan as the Markdown document people read and sign, to stdout or `--out FILE`. */
export async function exportPlan(options: ExportOptions, io: Io): Promise<ExitCode> {
  const plan = openPlan(options, io);
  if (!plan) return ExitCode.invalid;
  return writeOutput(planDocument(plan), options.out, plan, io);
}
