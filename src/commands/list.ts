import type { GlobalOptions } from '../cli.js';
import { selectActivities } from '../domain/query.js';
import { ExitCode } from '../errors.js';
import type { Io } from '../io.js';
import { activityJson, json } from '../render/json.js';
import { openPlan } from './openPlan.js';

export interface ListOptions extends GlobalOptions {
  unit: string[];
  format: 'table' | 'json';
}

/** `plan list`: the activities that match the filters, in the chosen format. */
export async function list(options: ListOptions, io: Io): Promise<ExitCode> {
  const plan = openPlan(options, io);
  if (!plan) return ExitCode.invalid;
  const activities = selectActivities(plan, { unit: options.unit });
  if (options.format === 'json') {
    io.stdout.write(json(activities.map(activityJson)));
    return ExitCode.ok;
  }
  if (activities.length === 0) {
    io.stderr.write(`no activity matches --unit ${options.unit.join(',')}\n`);
    return ExitCode.ok;
  }
  const [{ activitiesTable }, { styleFor }] = await Promise.all([import('../render/table.js'), import('../render/style.js')]);
  io.stdout.write(activitiesTable(activities, plan.parties, { style: await styleFor(options.color && io.color), width: io.columns }));
  return ExitCode.ok;
}
