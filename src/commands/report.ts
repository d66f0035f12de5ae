import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GlobalOptions, ReportFormat } from './options.js';
import { firstDifference } from '../domain/firstDifference.js';
import { isCalendarDate } from '../text/isCalendarDate.js';
import { selectActivities } from '../domain/query.js';
import { statusReport } from '../domain/statusReport.js';
import { ExitCode, UsageError } from '../errors.js';
import type { PlanChanges } from '../domain/planChanges.js';
import type { Io } from '../io.js';
import type { Activity, Plan } from '../model.js';
import { AS_OF_LINE, statusDocument } from '../document/statusDocument.js';
import { documentMarkdown } from '../render/documentMarkdown.js';
import { sanitize } from '../text/sanitize.js';
import { activityFilter, describeFilter, type FilterOptions } from './activityFilter.js';
import { calendarOption } from './calendarOption.js';
import { openWorkspace, type AtOptions } from './openPlan.js';
import { planThen } from './planThen.js';
import { planAsOf } from '../domain/planAsOf.js';
import { plansOf } from '../domain/scope.js';
import { wordDocument } from './wordDocument.js';
import { writeOutput } from './writeOutput.js';

export interface ReportOptions extends GlobalOptions, FilterOptions, AtOptions {
  format?: ReportFormat;
  asOf?: string;
  staleDays?: string;
  since?: string;
  out?: string;
  check?: string;
  summary?: boolean;
  template?: string;
}

const STALE_DAYS = 180;

/**
 * `plan report`: the status summary of the plan (or of the activities the filters select) as of a
 * day, in Markdown or as one HTML page. With `--check FILE`, exit 1 unless FILE is that report,
 * its as-of date aside.
 */
export async function report(options: ReportOptions, io: Io): Promise<ExitCode> {
  if (options.out !== undefined && options.check !== undefined) {
    throw new UsageError('--out and --check do not go together: --check compares FILE with the report, --out writes it');
  }
  if (options.check !== undefined && options.format === 'docx') throw new UsageError('--check compares a Markdown report; it does not go with --format docx');
  if (options.template !== undefined && options.format !== 'docx') throw new UsageError('--template goes with --format docx');
  const staleDays = wholeDays(options.staleDays);
  const asOfGiven = options.asOf === undefined ? undefined : calendarOption(options.asOf, '--as-of');
  const opened = await openWorkspace(options, io);
  if (!opened) return ExitCode.invalid;
  const { view: current, today, workspace } = opened;
  const selection = describeFilter(options);
  const format = options.format ?? 'markdown';
  const command = [
    'plan report',
    format === 'markdown' ? '' : `--format ${format}`,
    options.summary ? '--summary' : '',
    selection,
    staleDays === STALE_DAYS ? '' : `--stale-days ${staleDays}`,
    options.since === undefined ? '' : `--since ${quoted(options.since)}`,
  ]
    .filter(Boolean)
    .join(' ');
  const committed = options.check === undefined ? undefined : readCommitted(options.check, command, io);
  if (committed === null) return ExitCode.invalid;
  // A committed report is checked as of its own date, so it stays honest until the plan changes:
  // its days are counted to that date, and its statuses are the plan's now, so any later entry shows.
  const asOf = asOfGiven ?? (committed === undefined ? undefined : asOfIn(committed)) ?? today;
  // With --as-of, the plan as it stood that day: statuses from the history, activities that existed then.
  const plan = planThen(current, asOfGiven, today);
  const activities = selectActivities(plan, { ...activityFilter(options), day: asOf });
  const changes = options.since === undefined ? undefined : await changesSince(options, plan, activities, selection !== '', workspace.root, today, io);
  const document = statusDocument(statusReport(plan, activities, { asOf, staleDays }), {
    plan,
    selection,
    command,
    summary: options.summary === true,
    page: format === 'html',
    ...(changes && { changes }),
  });
  if (format === 'docx') {
    if (activities.length === 0) io.stderr.write(selection ? `no activity matches ${selection}\n` : 'the plan has no activities\n');
    return writeOutput(await wordDocument(document, options, io), options.out, workspace, io);
  }
  // The page's renderer and charts are loaded only for the page.
  const text = format === 'html' ? (await import('../render/html/htmlPage.js')).htmlPage(document) : documentMarkdown(document);

  if (committed !== undefined) return check(text, committed, options.check!, command, io);
  if (activities.length === 0) io.stderr.write(selection ? `no activity matches ${selection}\n` : 'the plan has no activities\n');
  return writeOutput(text, options.out, workspace, io);
}

// What changed since `--since`, for the selected activities only when the report is filtered: from a revision to
// the working tree (or the --at revision), or, for a date, the history entries after that day (each plan rebuilt
// as of the day against the plan reported on). An activity that was removed, a plan, an organisation, a unit or
// an area cannot be matched against the filters, so those are left out.
async function changesSince(options: ReportOptions, plan: Plan, activities: readonly Activity[], filtered: boolean, root: string, today: string, io: Io): Promise<PlanChanges> {
  const since = options.since!;
  let changes: PlanChanges;
  if (isCalendarDate(since)) {
    const { diffWorkspaces } = await import('../domain/diffWorkspaces.js');
    // Each plan as it stood that day; one that had not begun held nothing yet, so everything it holds is new.
    const plans = plansOf(plan);
    const before = plans.map((one) => (planAsOf(one, since) === undefined ? { ...one, activities: [] } : planThen(one, since, today)));
    const head = { revision: options.at ?? null, commit: null };
    const diff = diffWorkspaces({ organisations: [], plans: before }, { organisations: [], plans }, { allPlans: true });
    changes = { base: { revision: null, commit: null, date: since }, head, diff, complete: true, warnings: [] };
  } else {
    const { planChanges } = await import('../git/planChanges.js');
    const scope = { plan: plansOf(plan).map((one) => one.id) };
    changes = planChanges(root, { base: since, ...(options.at !== undefined && { head: options.at }) }, { cwd: io.cwd, now: io.now(), scope });
  }
  for (const warning of changes.warnings) io.stderr.write(`plan: warning: ${sanitize(warning)}\n`);
  if (!filtered) return changes;
  const selected = new Set(activities.map((activity) => `${activity.plan}/${activity.id}`));
  const { diff } = changes;
  return {
    ...changes,
    diff: {
      scope: diff.scope,
      plans: {
        added: [],
        removed: [],
        changed: diff.plans.changed.flatMap((entry) => {
          const mine = (activity: { id: string }) => selected.has(`${entry.id}/${activity.id}`);
          const { added, changed } = entry.diff.activities;
          const kept = { added: added.filter(mine), removed: [], changed: changed.filter(mine) };
          if (kept.added.length + kept.changed.length === 0) return [];
          return [{ ...entry, diff: { planFields: [], activities: kept, units: { added: [], removed: [] }, areas: { added: [], removed: [] } } }];
        }),
      },
      organisations: { added: [], removed: [], changed: [] },
    },
  };
}

function check(text: string, committed: string, file: string, command: string, io: Io): ExitCode {
  const name = sanitize(file);
  const difference = firstDifference(text, committed, (expected, found) => asOfLine(expected) !== undefined && asOfLine(found) !== undefined);
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
      code === 'ENOENT'
        ? `does not exist; ${command} --out ${quoted(sanitize(file))} writes it`
        : code === 'EISDIR'
          ? 'is a folder, not a report'
          : code === 'EACCES'
            ? 'cannot be read: permission denied'
            : `cannot be read (${code ?? String(error)})`;
    io.stderr.write(`plan: ${sanitize(file)} ${reason}\n`);
    return null;
  }
}

function asOfIn(report: string): string | undefined {
  for (const line of report.split(/\r?\n/)) {
    const date = asOfLine(line);
    if (date !== undefined) return isCalendarDate(date) ? date : undefined;
  }
  return undefined;
}

// The day a report's dating line names, as Markdown writes the line or as the page's paragraph.
function asOfLine(line: string): string | undefined {
  return AS_OF_LINE.exec(line.replace(/^<p>(.*)<\/p>$/, '$1'))?.[1];
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
