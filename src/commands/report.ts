import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GlobalOptions } from '../cli.js';
import { firstDifference } from '../domain/firstDifference.js';
import { isCalendarDate } from '../domain/isCalendarDate.js';
import { selectActivities } from '../domain/query.js';
import { statusReport } from '../domain/statusReport.js';
import { ExitCode, UsageError } from '../errors.js';
import type { PlanChanges } from '../git/planChanges.js';
import { localDate, type Io } from '../io.js';
import type { Activity, Plan } from '../model.js';
import { AS_OF_LINE, reportMarkdown } from '../render/reportMarkdown.js';
import { sanitize } from '../render/sanitize.js';
import { activityFilter, describeFilter, type FilterOptions } from './activityFilter.js';
import { openPlan } from './openPlan.js';
import { writeOutput } from './writeOutput.js';

export interface ReportOptions extends GlobalOptions, FilterOptions {
  asOf?: string;
  staleDays?: string;
  since?: string;
  out?: string;
  check?: string;
  summary?: boolean;
}

const STALE_DAYS = 180;

/**
 * `plan report`: the Markdown status summary of the plan (or of the activities the filters select)
 * as of a day. With `--check FILE`, exit 1 unless FILE is that report, its as-of date aside.
 */
export async function report(options: ReportOptions, io: Io): Promise<ExitCode> {
  if (options.out !== undefined && options.check !== undefined) {
    throw new UsageError('--out and --check do not go together: --check compares FILE with the report, --out writes it');
  }
  const staleDays = wholeDays(options.staleDays);
  const asOfGiven = options.asOf === undefined ? undefined : calendarDate(options.asOf, '--as-of');
  const plan = openPlan(options, io);
  if (!plan) return ExitCode.invalid;
  const activities = selectActivities(plan, activityFilter(options));
  const selection = describeFilter(options);
  const command = [
    'plan report',
    options.summary ? '--summary' : '',
    selection,
    staleDays === STALE_DAYS ? '' : `--stale-days ${staleDays}`,
    options.since === undefined ? '' : `--since ${quoted(options.since)}`,
  ]
    .filter(Boolean)
    .join(' ');
  const changes = options.since === undefined ? undefined : await changesSince(options.since, plan, activities, selection !== '', io);

  const committed = options.check === undefined ? undefined : readCommitted(options.check, command, io);
  if (committed === null) return ExitCode.invalid;
  // A committed report is checked as of its own date, so it stays honest until the plan changes.
  const asOf = asOfGiven ?? (committed === undefined ? undefined : asOfIn(committed)) ?? localDate(io.now());
  const markdown = reportMarkdown(statusReport(plan, activities, { asOf, staleDays }), plan, { selection, command, summary: options.summary === true, ...(changes && { changes }) });

  if (committed !== undefined) return check(markdown, committed, options.check!, command, io);
  if (activities.length === 0) io.stderr.write(selection ? `no activity matches ${selection}\n` : 'the plan has no activities\n');
  return writeOutput(markdown, options.out, plan, io);
}

// What changed from `since` to the working tree, for the selected activities only when the report is filtered:
// an activity that was removed, a unit or an area cannot be matched against the filters, so those are left out.
async function changesSince(since: string, plan: Plan, activities: readonly Activity[], filtered: boolean, io: Io): Promise<PlanChanges> {
  const { planChanges } = await import('../git/planChanges.js');
  const changes = planChanges(plan.dir, { base: since }, { cwd: io.cwd, today: localDate(io.now()) });
  for (const warning of changes.warnings) io.stderr.write(`plan: warning: ${warning}\n`);
  if (!filtered) return changes;
  const selected = new Set(activities.map((activity) => activity.id));
  const { added, changed } = changes.diff.activities;
  return {
    ...changes,
    diff: {
      activities: { added: added.filter((activity) => selected.has(activity.id)), removed: [], changed: changed.filter((change) => selected.has(change.id)) },
      units: { added: [], removed: [] },
      areas: { added: [], removed: [] },
    },
  };
}

function check(markdown: string, committed: string, file: string, command: string, io: Io): ExitCode {
  const name = sanitize(file);
  const difference = firstDifference(markdown, committed, (expected, found) => AS_OF_LINE.test(expected) && AS_OF_LINE.test(found));
  if (!difference) {
    io.stdout.write(`${name} is up to date\n`);
    return ExitCode.ok;
  }
  const shown = (line: string | undefined) => (line === undefined ? '(end of file)' : JSON.stringify(clip(sanitize(line))));
  io.stderr.write(
    `plan: ${name} is out of date: line ${difference.line} differs from the report the plan gives now\n` +
      `  expected: ${shown(difference.expected)}\n` +
      `  found:    ${shown(difference.found)}\n` +
      `  ${command} --out ${quoted(name)} writes it afresh\n`,
  );
  return ExitCode.invalid;
}

// The committed report's text; null (after saying why) when it cannot be read, which fails the check.
function readCommitted(file: string, command: string, io: Io): string | null {
  try {
    return readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? `does not exist; ${command} --out ${quoted(sanitize(file))} writes it` : code === 'EISDIR' ? 'is a folder, not a report' : code === 'EACCES' ? 'cannot be read: permission denied' : `cannot be read (${code ?? String(error)})`;
    io.stderr.write(`plan: ${sanitize(file)} ${reason}\n`);
    return null;
  }
}

function asOfIn(markdown: string): string | undefined {
  for (const line of markdown.split(/\r?\n/)) {
    const date = AS_OF_LINE.exec(line)?.[1];
    if (date !== undefined) return isCalendarDate(date) ? date : undefined;
  }
  return undefined;
}

function calendarDate(value: string, option: string): string {
  if (isCalendarDate(value)) return value;
  throw new UsageError(`${option} ${sanitize(value)}: not a calendar date (expected YYYY-MM-DD, e.g. 2026-06-30)`);
}

function wholeDays(value: string | undefined): number {
  if (value === undefined) return STALE_DAYS;
  if (/^\d{1,6}$/.test(value.trim())) return Number(value.trim());
  throw new UsageError(`--stale-days ${sanitize(value)}: expected a whole number of days (default ${STALE_DAYS})`);
}

// A revision or file name as a shell would need it typed.
function quoted(value: string): string {
  return /^[\w./:~^@{}-]+$/.test(value) ? value : JSON.stringify(value);
}

function clip(line: string): string {
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}
