import type { GlobalOptions, ShowFormat } from '../cli.js';
import { didYouMean } from '../domain/closest.js';
import { ExitCode, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import type { Activity, Plan } from '../model.js';
import { activityJson, json } from '../render/json.js';
import { styleFor } from '../render/style.js';
import { openPlan } from './openPlan.js';

export interface ShowOptions extends GlobalOptions {
  id: string;
  format: ShowFormat;
}

type Render = (activity: Activity, plan: Plan, options: ShowOptions, io: Io) => Promise<string>;

const renderers: Record<ShowFormat, Render> = {
  text: async (activity, plan, options, io) =>
    (await import('../render/activityText.js')).activityText(activity, plan, { style: await styleFor(options.color && io.color), width: io.columns }),
  json: async (activity) => json(activityJson(activity)),
  yaml: async (activity) => (await import('../render/yaml.js')).yaml(activityJson(activity)),
};

/** `plan show ID`: everything about one activity; JSON and YAML give the object `plan list` gives for it. */
export async function show(options: ShowOptions, io: Io): Promise<ExitCode> {
  const plan = openPlan(options, io);
  if (!plan) return ExitCode.invalid;
  const wanted = options.id.trim().toLowerCase();
  const activity = plan.activities.find((candidate) => candidate.id.toLowerCase() === wanted);
  if (!activity) throw new UsageError(`no activity "${options.id}"${didYouMean(options.id, plan.activities.map((candidate) => candidate.id))}`);
  io.stdout.write(await renderers[options.format](activity, plan, options, io));
  return ExitCode.ok;
}
