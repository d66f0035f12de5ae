import type { DatedActivity, StatusCounts, StatusReport } from '../domain/statusReport.js';
import type { PlanChanges } from '../git/planChanges.js';
import { STATUSES, type Activity, type Plan } from '../model.js';
import { escapeMarkdown, LINT_SETTINGS, markdownParagraph, markdownTable } from './markdown.js';
import { planDiffMarkdown } from './planDiff.js';

/** What the report says beyond the figures: the filters as typed, the command that makes it again, the changes since a revision. */
export interface ReportContext {
  /** The filters as a user typed them (`--unit RAU`); empty for the whole plan. */
  selection: string;
  /** The command that writes this report again, for its closing line. */
  command: string;
  /** With `--since`: what changed in the plan since that revision (only the selection's activities when filtered). */
  changes?: PlanChanges;
  /** With `--summary`: the totals, the chart and the area table only, for a CI job's summary. */
  summary?: boolean;
}

/** The line that dates a report; `plan report --check` compares everything else. */
export const AS_OF_LINE = /^As of (\d{4}-\d{2}-\d{2})\.$/;

/**
 * The status report as Markdown: the same report and context always give the same bytes, and
 * every string from the plan is escaped, so the file renders alike on any git host or wiki.
 */
export function reportMarkdown(report: StatusReport, plan: Plan, context: ReportContext): string {
  const blocks: string[] = [`# ${escapeMarkdown(plan.meta.title, 'line')}: status report`, `As of ${report.asOf}.`];
  if (context.selection) {
    blocks.push(markdownParagraph(`Activities matching ${context.selection}: ${report.activities.length} of ${report.planTotal}.`));
  }
  blocks.push(markdownParagraph(`${countOf(report.activities.length)}: ${STATUSES.map((status) => `${report.byStatus[status]} ${status}`).join(', ')}.`));
  if (report.activities.length > 0) {
    blocks.push(pieChart(report.byStatus), '## By area', areaTable(report));
  }
  if (report.activities.length > 0 && !context.summary) {
    blocks.push('## Activities');
    for (const { area, activities } of report.areas) {
      blocks.push(`### ${escapeMarkdown(`${area.title} (${area.prefix})`, 'line')}`, activityTable(activities, plan));
    }
    blocks.push('## Workload by unit');
    for (const { party, units } of report.parties) {
      const head = ['Unit', 'Name', ...STATUSES, 'Total'];
      const rows = units.map(({ unit, byStatus, total }) => [escapeMarkdown(unit.code, 'line'), escapeMarkdown(unit.name, 'line'), ...counts(byStatus), String(total)]);
      blocks.push(`### ${escapeMarkdown(party.short_name, 'line')}`, markdownTable(head, rows, head.map((_, column) => column >= 2)));
    }
    blocks.push('## Attention');
    blocks.push('### On hold', datedTable(report.onHold, 'On hold since'));
    blocks.push('### Cancelled', datedTable(report.cancelled, 'Cancelled on'));
    blocks.push(`### No history entry for more than ${report.staleDays} days`, staleTable(report.stale, report.staleDays));
  }
  if (context.changes) {
    // plan diff's own Markdown, whose headings (### and ####) sit under Attention.
    if (report.activities.length === 0) blocks.push('## Attention');
    blocks.push(planDiffMarkdown(context.changes));
    if (context.selection) blocks.push(markdownParagraph('Only the activities this report covers; plan diff shows every change.'));
  }
  blocks.push(markdownParagraph(`Generated from the plan by ${context.command}; run it again rather than editing this file.`), LINT_SETTINGS);
  return `${blocks.map((block) => block.trimEnd()).join('\n\n')}\n`;
}

function countOf(count: number): string {
  return `${count} ${count === 1 ? 'activity' : 'activities'}`;
}

function counts(byStatus: StatusCounts): string[] {
  return STATUSES.map((status) => String(byStatus[status]));
}

// Mermaid's pie grammar: `pie [showData] [title T]`, then `"label" : value` lines; empty slices are left out.
function pieChart(byStatus: StatusCounts): string {
  const slices = STATUSES.filter((status) => byStatus[status] > 0).map((status) => `    "${status}" : ${byStatus[status]}`);
  return ['```mermaid', 'pie showData title Activities by status', ...slices, '```'].join('\n');
}

function areaTable(report: StatusReport): string {
  const head = ['Area', ...STATUSES, 'Total'];
  const rows = report.areas.map(({ area, activities, byStatus }) => [escapeMarkdown(area.title, 'line'), ...counts(byStatus), String(activities.length)]);
  rows.push(['**Total**', ...counts(report.byStatus).map((count) => `**${count}**`), `**${report.activities.length}**`]);
  return markdownTable(head, rows, head.map((_, column) => column >= 1));
}

function activityTable(activities: readonly Activity[], plan: Plan): string {
  const head = ['ID', 'Title', 'Status', 'Since', ...plan.parties.map((party) => escapeMarkdown(party.short_name, 'line'))];
  const rows = activities.map((activity) => [
    escapeMarkdown(activity.id, 'line'),
    escapeMarkdown(activity.title, 'line'),
    activity.status,
    activity.history.at(-1)!.date,
    ...plan.parties.map((party) => escapeMarkdown((activity.units[party.id] ?? []).join(', '), 'line') || '–'),
  ]);
  return markdownTable(head, rows);
}

function datedTable(entries: readonly DatedActivity[], sinceHead: string): string {
  if (entries.length === 0) return 'None.';
  const rows = entries.map(({ activity, since, note }) => [
    escapeMarkdown(activity.id, 'line'),
    escapeMarkdown(activity.title, 'line'),
    since,
    note === undefined ? '–' : escapeMarkdown(note, 'line'),
  ]);
  return markdownTable(['ID', 'Title', sinceHead, 'Note'], rows);
}

function staleTable(entries: readonly DatedActivity[], staleDays: number): string {
  if (entries.length === 0) return `None: every open activity has a history entry from the last ${staleDays} days.`;
  const rows = entries.map(({ activity, since, days }) => [
    escapeMarkdown(activity.id, 'line'),
    escapeMarkdown(activity.title, 'line'),
    activity.status,
    since,
    String(days),
  ]);
  return `${markdownParagraph(`Open activities (planned, in-progress, ongoing) whose last history entry is more than ${staleDays} days old:`)}\n\n${markdownTable(['ID', 'Title', 'Status', 'Last entry', 'Days'], rows, [false, false, false, false, true])}`;
}
