import type { GlobalOptions, ListFormat } from './options.js';
import { resolveParty, splitValues } from '../domain/query.js';
import { unitCounts, type UnitCount } from '../domain/unitCounts.js';
import { ExitCode, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import type { Plan } from '../model.js';
import { json } from '../render/json.js';
import { styleFor } from '../render/style.js';
import { openWorkspace, type AtOptions } from './openPlan.js';
import { planThen } from './planThen.js';

export interface UnitsOptions extends GlobalOptions, AtOptions {
  party?: string[];
  format: ListFormat;
  asOf?: string;
}

type Render = (rows: readonly UnitCount[], plan: Plan, options: UnitsOptions, io: Io) => Promise<string>;

const renderers: Record<ListFormat, Render> = {
  table: async (rows, plan, options, io) => {
    const { unitsTable } = await import('../render/table.js');
    return unitsTable(rows, plan.parties, { style: await styleFor(options.color && io.color), width: io.columns });
  },
  json: async (rows) => json(rows),
  yaml: async (rows) => (await import('../render/yaml.js')).yaml(rows),
  csv: async (rows) => (await import('../render/csv.js')).unitsCsv(rows),
  markdown: async (rows, plan) => (await import('../render/markdown.js')).unitsMarkdown(rows, plan),
};

/** `plan units`: each party's units (or the chosen parties'), with how many activities each carries, by status. */
export async function units(options: UnitsOptions, io: Io): Promise<ExitCode> {
  const opened = await openWorkspace(options, io);
  if (!opened) return ExitCode.invalid;
  const plan = planThen(opened.view, options.asOf, opened.today);
  const names = options.party ? splitValues(options.party) : [];
  if (options.party && names.length === 0) throw new UsageError(`--party ${JSON.stringify(options.party.join(','))}: give a value`);
  const parties = names.length ? [...new Set(names.map((name) => resolveParty(plan, name).id))] : undefined;
  io.stdout.write(await renderers[options.format](unitCounts(plan, parties), plan, options, io));
  return ExitCode.ok;
}
