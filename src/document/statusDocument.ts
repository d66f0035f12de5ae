import { areaLabel, type DatedActivity, type StatusCounts, type StatusReport } from '../domain/statusReport.js';
import type { PlanChanges } from '../domain/planChanges.js';
import { activityName, plansOf } from '../domain/scope.js';
import { STATUSES, type Activity, type Plan } from '../model.js';
import type { Block, Cell, Chart, DocumentModel, Inline, Table } from './model.js';
import { chartTable } from './chartTable.js';
import { planChangesBlocks } from './planChangesBlocks.js';
import { series } from './series.js';
import { statusCharts } from './statusCharts.js';

/** What the report says beyond the figures: the plan, the filters as typed, the command that makes it again, the changes since a revision. */
export interface ReportContext {
  plan: Plan;
  /** The filters as a user typed them (`--unit RAU`); empty for the whole plan. */
  selection: string;
  /** The command that writes this report again, for its closing line. */
  command: string;
  /** With `--since`: what changed in the plan since that revision (only the selection's activities when filtered). */
  changes?: PlanChanges;
  /** With `--summary`: the totals, the chart and the area table only, for a CI job's summary. */
  summary?: boolean;
  /**
   * For the status page (HTML): every chart (the plan over time, who works with whom, each
   * party's workload) and each activity in full (units with their names, other organisations,
   * the latest note), which a page can show and a Markdown summary would only lengthen.
   */
  page?: boolean;
}

/** The paragraph that dates a report, as Markdown writes it; `plan report --check` compares everything else. */
export const AS_OF_LINE = /^As of (\d{4}-\d{2}-\d{2})\.$/;

/**
 * The status report as a document: the totals and their chart, each area by status, each area's
 * activities, each unit's workload, what needs attention, and what changed since a revision.
 */
export function statusDocument(report: StatusReport, context: ReportContext): DocumentModel {
  const { plan } = context;
  const several = plansOf(plan).length > 1;
  const title = several ? `${plansOf(plan).length} cooperation plans: status report` : `${plan.meta.title}: status report`;
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: [title] }, paragraph(`As of ${report.asOf}.`)];
  if (context.selection) blocks.push(paragraph(`Activities matching ${context.selection}: ${report.activities.length} of ${report.planTotal}.`));
  blocks.push(paragraph(`${countOf(report.activities.length)}: ${STATUSES.map((status) => `${report.byStatus[status]} ${status}`).join(', ')}.`));
  if (several) blocks.push(heading(2, 'By plan', 'by-plan'), { kind: 'table', table: planTable(report) });
  const charts = context.page ? statusCharts(report, plan) : undefined;
  if (report.activities.length > 0) {
    const totals: Chart = { kind: 'status-totals', title: 'Activities by status', counts: report.byStatus };
    blocks.push(
      // The page's table also gives each status's share, as its chart does.
      { kind: 'chart', chart: totals, table: charts ? chartTable(totals) : statusTable(report.byStatus) },
      heading(2, 'By area', 'by-area'),
      {
        kind: 'chart',
        chart: { kind: 'stacked-bars', title: 'Activities by area and status', labelHead: 'Area', bars: report.areas.map((entry) => ({ label: areaLabel(entry, several), counts: entry.byStatus })) },
        table: areaTable(report, several),
      },
    );
  }
  if (charts && report.activities.length > 0 && !context.summary) {
    blocks.push(heading(2, 'The plan over time', 'over-time'), { kind: 'chart', chart: charts.flow });
    if (charts.sharing.length > 0) {
      blocks.push(
        heading(2, 'Who works with whom', 'who-works-with-whom'),
        paragraph('For each pair of parties, how many of the activities each unit of one shares with each unit of the other; units that work together stand together.'),
        ...charts.sharing.map((chart): Block => ({ kind: 'chart', chart })),
      );
    }
  }
  if (report.activities.length > 0 && !context.summary) {
    blocks.push(heading(2, 'Activities', 'activities'));
    for (const { plan: owner, area, activities } of report.areas) {
      const table = charts ? activityDetails(activities, owner, plan) : activityTable(activities, owner, plan);
      const id = several ? `${owner.id}-${area.id}` : area.id;
      const title = several ? `${owner.meta.title}: ${area.title} (${area.prefix})` : `${area.title} (${area.prefix})`;
      blocks.push({ kind: 'section', id, blocks: [heading(3, title, id), { kind: 'table', table }] });
    }
    blocks.push(heading(2, 'Workload by unit', 'workload'));
    report.parties.forEach(({ party, units }, index) => {
      const table: Table = {
        head: ['Unit', 'Name', ...STATUSES, 'Total'].map((cell) => [cell]),
        rows: units.map(({ unit, byStatus, total }) => [[unit.code], [unit.name], ...counts(byStatus), [String(total)]]),
        widths: [0.08, 0.22, ...STATUSES.map(() => 0.1), 0.1],
        numeric: [false, false, ...STATUSES.map(() => true), true],
      };
      const shown: Block = charts ? { kind: 'chart', chart: charts.workload[index]!, table } : { kind: 'table', table };
      blocks.push({ kind: 'section', id: `workload-${party.id}`, blocks: [heading(3, party.short_name, `workload-${party.id}`), shown] });
    });
    blocks.push(heading(2, 'Attention', 'attention'));
    blocks.push(heading(3, 'On hold', 'on-hold'), datedTable(report.onHold, 'On hold since', plan));
    blocks.push(heading(3, 'Cancelled', 'cancelled'), datedTable(report.cancelled, 'Cancelled on', plan));
    blocks.push(heading(3, `No history entry for more than ${report.staleDays} days`, 'stale'), ...staleBlocks(report.stale, report.staleDays, plan));
  }
  if (context.changes) {
    // The changes' own headings (levels 3 and 4) sit under Attention.
    if (report.activities.length === 0) blocks.push(heading(2, 'Attention', 'attention'));
    blocks.push(...planChangesBlocks(context.changes));
    if (context.selection) blocks.push(paragraph('Only the activities this report covers; plan diff shows every change.'));
  }
  blocks.push(paragraph(`Generated from the plan by ${context.command}; run it again rather than editing this file.`));
  const parties = plan.parties.map((party) => party.short_name);
  return {
    meta: {
      title,
      subject: series(parties),
      keywords: ['cooperation plan', 'status report', ...parties],
      date: report.asOf,
      language: 'en',
    },
    blocks,
  };
}

function heading(level: 2 | 3, text: string, anchor: string): Block {
  return { kind: 'heading', level, text: [text], anchor };
}

function paragraph(text: string): Block {
  return { kind: 'paragraph', text: [text] };
}

function countOf(count: number): string {
  return `${count} ${count === 1 ? 'activity' : 'activities'}`;
}

function counts(byStatus: StatusCounts): Cell[] {
  return STATUSES.map((status) => [String(byStatus[status])]);
}

function statusTable(byStatus: StatusCounts): Table {
  return {
    head: [['Status'], ['Activities']],
    rows: STATUSES.map((status) => [[status], [String(byStatus[status])]]),
    widths: [0.75, 0.25],
    numeric: [false, true],
  };
}

// Each plan of the view by status, and the totals across them.
function planTable(report: StatusReport): Table {
  const strong = (text: string): Inline[] => [{ text, strong: true }];
  const rows: Cell[][] = report.plans.map(({ plan, activities, byStatus }) => [[plan.id], [plan.meta.title], ...counts(byStatus), [String(activities.length)]]);
  rows.push([strong('Total'), [], ...STATUSES.map((status) => strong(String(report.byStatus[status]))), strong(String(report.activities.length))]);
  return {
    head: ['Plan', 'Title', ...STATUSES, 'Total'].map((cell) => [cell]),
    rows,
    widths: [0.14, 0.23, ...STATUSES.map(() => 0.09), 0.09],
    numeric: [false, false, ...STATUSES.map(() => true), true],
  };
}

function areaTable(report: StatusReport, several: boolean): Table {
  const strong = (text: string): Inline[] => [{ text, strong: true }];
  const rows: Cell[][] = report.areas.map((entry) => [[areaLabel(entry, several)], ...counts(entry.byStatus), [String(entry.activities.length)]]);
  rows.push([strong('Total'), ...STATUSES.map((status) => strong(String(report.byStatus[status]))), strong(String(report.activities.length))]);
  return {
    head: ['Area', ...STATUSES, 'Total'].map((cell) => [cell]),
    rows,
    widths: [0.23, ...STATUSES.map(() => 0.11), 0.11],
    numeric: [false, ...STATUSES.map(() => true), true],
  };
}

// The columns are the parties of the activities' own plan; the view names the activities.
function activityTable(activities: readonly Activity[], plan: Plan, view: Plan): Table {
  const partyWidth = Math.min(0.14, 0.42 / Math.max(1, plan.parties.length));
  return {
    head: ['ID', 'Title', 'Status', 'Since', ...plan.parties.map((party) => party.short_name)].map((cell) => [cell]),
    rows: activities.map((activity) => [
      [activityName(view, activity)],
      [activity.title],
      [activity.status],
      [activity.history.at(-1)!.date],
      ...plan.parties.map((party) => [(activity.units[party.id] ?? []).join(', ') || '–']),
    ]),
    widths: [0.08, 1 - 0.08 - 0.12 - 0.12 - partyWidth * plan.parties.length, 0.12, 0.12, ...plan.parties.map(() => partyWidth)],
  };
}

// Each activity in full, for the page: its id (an anchor others link to), its title with the units
// of each party (code and full name), the other organisations and the latest note, its status, since when.
function activityDetails(activities: readonly Activity[], plan: Plan, view: Plan): Table {
  return {
    head: [['ID'], ['Activity'], ['Status'], ['Since']],
    rows: activities.map((activity): Cell[] => {
      const last = activity.history.at(-1)!;
      const units = plan.parties
        .filter((party) => (activity.units[party.id] ?? []).length > 0)
        .map((party): Block => {
          const named = new Map((plan.units.get(party.id) ?? []).map((unit) => [unit.code, unit.name]));
          const runs = (activity.units[party.id] ?? []).flatMap((code, index): Inline[] => {
            const name = named.get(code);
            return [index === 0 ? '' : '; ', name === undefined ? code : { text: code, title: name }, name === undefined ? '' : ` ${name}`];
          });
          return { kind: 'paragraph', text: [{ text: `${party.short_name}: `, strong: true }, ...runs.filter((run) => run !== '')] };
        });
      const other = (activity.with ?? []).map((named) => plan.organisations.find((organisation) => organisation.id === named)?.name ?? named);
      return [
        [{ text: activityName(view, activity), anchor: anchorOf(view, activity), href: `#${anchorOf(view, activity)}` }],
        {
          blocks: [
            { kind: 'paragraph', text: [{ text: activity.title, strong: true }] },
            ...units,
            ...(other.length === 0 ? [] : [{ kind: 'paragraph', text: [{ text: 'With: ', strong: true }, other.join(', ')] } satisfies Block]),
            ...(last.note === undefined ? [] : [{ kind: 'paragraph', role: 'note', text: [`Latest note (${last.date}): ${last.note}`] } satisfies Block]),
          ],
        },
        [{ text: activity.status, status: activity.status }],
        [last.date],
      ];
    }),
    widths: [0.1, 0.6, 0.15, 0.15],
  };
}

// An activity's anchor on the page: its id, qualified by its plan when several are in view (an id is unique only in its plan).
function anchorOf(plan: Plan, activity: Activity): string {
  return plansOf(plan).length > 1 ? `${activity.plan}-${activity.id}` : activity.id;
}

function datedTable(entries: readonly DatedActivity[], sinceHead: string, plan: Plan): Block {
  if (entries.length === 0) return paragraph('None.');
  const table: Table = {
    head: [['ID'], ['Title'], [sinceHead], ['Note']],
    rows: entries.map(({ activity, since, note }) => [[activityName(plan, activity)], [activity.title], [since], [note ?? '–']]),
    widths: [0.08, 0.4, 0.14, 0.38],
  };
  return { kind: 'table', table };
}

function staleBlocks(entries: readonly DatedActivity[], staleDays: number, plan: Plan): Block[] {
  if (entries.length === 0) return [paragraph(`None: every open activity has a history entry from the last ${staleDays} days.`)];
  const table: Table = {
    head: [['ID'], ['Title'], ['Status'], ['Last entry'], ['Days']],
    rows: entries.map(({ activity, since, days }) => [[activityName(plan, activity)], [activity.title], [activity.status], [since], [String(days)]]),
    widths: [0.08, 0.5, 0.14, 0.16, 0.12],
    numeric: [false, false, false, false, true],
  };
  return [paragraph(`Open activities (planned, in-progress, ongoing) whose last history entry is more than ${staleDays} days old:`), { kind: 'table', table }];
}
