import type { GlobalOptions, ListFormat } from '../cli.js';
import { selectActivities, sortActivities, type SortKey } from '../domain/query.js';
import { ExitCode } from '../errors.js';
import type { Io } from '../io.js';
import type { Activity, Plan } from '../model.js';
import { activityJson, json } from '../render/json.js';
import { styleFor } from '../render/style.js';
import { activityFilter, describeFilter, type FilterOptions } from './activityFilter.js';
import { openPlan } from './openPlan.js';

export interface ListOptions extends GlobalOptions, FilterOptions {
  format: ListFormat;
  sort?: SortKey;
}

type Render = (activities: readonly Activity[], plan: Plan, options: ListOptions, io: Io) => Promise<string>;

// Each format loads its renderer only when chosen: the JSON path never loads cli-table3 or chalk.
const renderers: Record<ListFormat, Render> = {
  table: async (activities, plan, options, io) => {
    const { activitiesTable } = await import('../render/table.js');
    return activitiesTable(activities, plan.parties, { style: await styleFor(options.color && io.color), width: io.columns });
  },
  json: async (activities) => json(activities.map(activityJson)),
  yaml: async (activities) => (await import('../render/yaml.js')).yaml(activities.map(activityJson)),
  csv: async (activities, plan) => (await import('../render/csv.js')).activitiesCsv(activities, plan.parties),
  markdown: async (activities, plan) => (await import('../render/markdown.js')).activitiesMarkdown(activities, plan),
};

/** `plan list`: the activities that match the filters, in the chosen order and format. */
export async function list(options: ListOptions, io: Io): Promise<ExitCode> {
  const plan = openPlan(options, io);
  if (!plan) return ExitCode.invalid;
  const activities = sortActivities(selectActivities(plan, activityFilter(options)), options.sort, plan);
  if (activities.length === 0 && options.format !== 'json' && options.format !== 'yaml') {
    const filters = describeFilter(options);
    io.stderr.write(filters ? `no activity matches ${filters}\n` : 'the plan has no activities\n');
    if (options.format === 'table') return ExitCode.ok;
  }
  io.stdout.write(await renderers[options.format](activities, plan, options, io));
  return ExitCode.ok;
}
