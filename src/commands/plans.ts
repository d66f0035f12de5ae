import type { GlobalOptions, ListFormat } from './options.js';
import { planSummaries, type PlanSummary } from '../domain/planSummaries.js';
import { selectScope } from '../domain/scope.js';
import { ExitCode } from '../errors.js';
import type { Io } from '../io.js';
import { json } from '../render/json.js';
import { styleFor } from '../render/style.js';
import { openWorkspace, type AtOptions } from './openPlan.js';

export interface PlansOptions extends GlobalOptions, AtOptions {
  format: ListFormat;
}

type Render = (rows: readonly PlanSummary[], options: PlansOptions, io: Io) => Promise<string>;

const renderers: Record<ListFormat, Render> = {
  table: async (rows, options, io) => (await import('../render/table.js')).plansTable(rows, { style: await styleFor(options.color && io.color), width: io.columns }),
  json: async (rows) => json(rows),
  yaml: async (rows) => (await import('../render/yaml.js')).yaml(rows),
  csv: async (rows) => (await import('../render/csv.js')).plansCsv(rows),
  markdown: async (rows) => (await import('../render/markdown.js')).plansMarkdown(rows),
};

/**
 * `plan plans`: the plans of the workspace, superseded ones too (the question is what the workspace
 * holds), or those `--plan` names; each with its parties, signing, period, successors and counts.
 */
export async function plans(options: PlansOptions, io: Io): Promise<ExitCode> {
  const opened = await openWorkspace({ ...options, ...(options.plan === undefined && { allPlans: true }) }, io);
  if (!opened) return ExitCode.invalid;
  const ids = options.plan === undefined ? undefined : selectScope(opened.workspace, { plan: options.plan }).map((plan) => plan.id);
  io.stdout.write(await renderers[options.format](planSummaries(opened.workspace, ids), options, io));
  return ExitCode.ok;
}
