import type { ExportFormat, GlobalOptions } from './options.js';
import { ExitCode, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { planDocument } from '../document/planDocument.js';
import { documentMarkdown } from '../render/documentMarkdown.js';
import { openWorkspace, type AtOptions } from './openPlan.js';
import { wordDocument } from './wordDocument.js';
import { writeOutput } from './writeOutput.js';

export interface ExportOptions extends GlobalOptions, AtOptions {
  out?: string;
  format?: ExportFormat;
  template?: string;
}

/** `plan export`: the plan as the document people read and sign, in Markdown or Word, to stdout or `--out FILE`. */
export async function exportPlan(options: ExportOptions, io: Io): Promise<ExitCode> {
  const opened = await openWorkspace(options, io);
  if (!opened) return ExitCode.invalid;
  const { view: plan, workspace } = opened;
  if (plan.scope) {
    const ids = plan.scope.map((one) => one.id);
    throw new UsageError(`export writes one plan, and ${ids.length} are in scope (${ids.join(', ')}): name one with --plan ${ids[0]}`);
  }
  if (options.template !== undefined && options.format !== 'docx') throw new UsageError('--template goes with --format docx');
  const document = planDocument(plan);
  if (options.format === 'docx') return writeOutput(await wordDocument(document, options, io), options.out, workspace, io);
  return writeOutput(documentMarkdown(document), options.out, workspace, io);
}
