import type { GlobalOptions, ShowFormat } from './options.js';
import { didYouMean } from '../text/closest.js';
import { findActivity, planOf } from '../domain/scope.js';
import { ExitCode, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import type { Activity, Plan, Workspace } from '../model.js';
import { activityJson, json } from '../render/json.js';
import { styleFor } from '../render/style.js';
import { openWorkspace, type AtOptions } from './openPlan.js';
import { planThen } from './planThen.js';

export interface ShowOptions extends GlobalOptions, AtOptions {
  id: string;
  format: ShowFormat;
  asOf?: string;
}

type Render = (activity: Activity, plan: Plan, options: ShowOptions, io: Io, workspace: Workspace) => Promise<string>;

const renderers: Record<ShowFormat, Render> = {
  text: async (activity, plan, options, io, workspace) =>
    (await import('../render/activityText.js')).activityText(activity, plan, { style: await styleFor(options.color && io.color), width: io.columns, workspace: workspace.plans.flatMap((one) => one.activities) }),
  json: async (activity) => json(activityJson(activity)),
  yaml: async (activity) => (await import('../render/yaml.js')).yaml(activityJson(activity)),
};

/** `plan show ID`: everything about one activity; JSON and YAML give the object `plan list` gives for it. */
export async function show(options: ShowOptions, io: Io): Promise<ExitCode> {
  const opened = await openWorkspace(options, io);
  if (!opened) return ExitCode.invalid;
  const plan = planThen(opened.view, options.asOf, opened.today);
  const activity = findActivity(plan, options.id);
  if (!activity) {
    const later = findActivity(opened.view, options.id);
    if (later) throw new UsageError(`${later.id} did not exist yet on ${options.asOf}: its history begins on ${later.history[0]!.date}`);
    throw new UsageError(`no activity "${options.id}"${didYouMean(options.id, plan.activities.map((candidate) => candidate.id))}`);
  }
  io.stdout.write(await renderers[options.format](activity, planOf(plan, activity), options, io, opened.workspace));
  return ExitCode.ok;
}
