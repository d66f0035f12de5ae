import type { GlobalOptions, ListFormat } from './options.js';
import { selectActivities, sortActivities, unitReplacementNotes, type SortKey } from '../domain/query.js';
import { ExitCode } from '../errors.js';
import type { Io } from '../io.js';
import type { Activity, Plan } from '../model.js';
import { activityJson, json } from '../render/json.js';
import { styleFor } from '../render/style.js';
import { sanitize } from '../text/sanitize.js';
import { activityFilter, describeFilter, type FilterOptions } from './activityFilter.js';
import { openWorkspace, type AtOptions } from './openPlan.js';
import { planThen } from './planThen.js';

export interface ListOptions extends GlobalOptions, FilterOptions, AtOptions {
  format: ListFormat;
  sort?: SortKey;
  asOf?: string;
  latestNote?: boolean;
}

type Render = (activities: readonly Activity[], plan: Plan, options: ListOptions, io: Io) => Promise<string>;

// Each format loads its renderer only when chosen: the JSON path never loads the table renderer or chalk.
const renderers: Record<ListFormat, Render> = {
  table: async (activities, plan, options, io) => {
    const { activitiesTable } = await import('../render/table.js');
    return activitiesTable(activities, plan.parties, { style: await styleFor(options.color && io.color), width: io.columns, latestNote: options.latestNote === true, plans: plan.scope !== undefined });
  },
  json: async (activities) => json(activities.map(activityJson)),
  yaml: async (activities) => (await import('../render/yaml.js')).yaml(activities.map(activityJson)),
  csv: async (activities, plan, options) => (await import('../render/csv.js')).activitiesCsv(activities, plan.parties, { latestNote: options.latestNote === true }),
  markdown: async (activities, plan, options) => (await import('../render/markdown.js')).activitiesMarkdown(activities, plan, { latestNote: options.latestNote === true }),
};

/** `plan list`: the activities that match the filters, in the chosen order and format. */
export async function list(options: ListOptions, io: Io): Promise<ExitCode> {
  const opened = await openWorkspace(options, io);
  if (!opened) return ExitCode.invalid;
  const plan = planThen(opened.view, options.asOf, opened.today);
  const filter = { ...activityFilter(options), day: options.asOf ?? opened.today };
  const activities = sortActivities(selectActivities(plan, filter), options.sort, plan);
  for (const note of unitReplacementNotes(plan, filter)) io.stderr.write(`note: ${sanitize(note)}\n`);
  if (activities.length === 0 && options.format !== 'json' && options.format !== 'yaml') {
    const filters = describeFilter(options);
    io.stderr.write(filters ? `no activity matches ${filters}\n` : 'the plan has no activities\n');
    if (options.format === 'table') return ExitCode.ok;
  }
  io.stdout.write(await renderers[options.format](activities, plan, options, io));
  return ExitCode.ok;
}
