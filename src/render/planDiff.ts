import type { ActivityChange, ActivitySummary, AreaSummary, PlanDiff, UnitSummary } from '../domain/diffPlans.js';
import type { PlanChanges, PlanVersion } from '../git/planChanges.js';
import { escapeMarkdown } from './markdown.js';
import { sanitize } from './sanitize.js';
import type { Style } from './style.js';

/** The output formats of `plan diff`. */
export type PlanDiffFormat = 'text' | 'markdown' | 'json';

/** How a version is named: `HEAD~1 (1a2b3c4)`, a bare short id, or `the working tree`. */
export function versionName(version: PlanVersion): string {
  if (version.commit === null) return 'the working tree';
  const short = version.commit.slice(0, 7);
  return version.revision === null || version.commit.startsWith(version.revision) ? short : `${sanitize(version.revision)} (${short})`;
}

/** Sections in a fixed order, each only when it has entries: what a reviewer reads in a terminal. */
export function planDiffText(changes: PlanChanges, style: Style): string {
  const { diff } = changes;
  const range = `${versionName(changes.base)} to ${versionName(changes.head)}`;
  const counts = summaryCounts(diff);
  if (counts.length === 0) return `No changes to the plan from ${range}.\n`;
  const lines = [`Plan changes from ${range}: ${counts.join(', ')}`];
  const section = (title: string, rows: string[][]) => {
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((row) => row[0]!.length));
    lines.push('', style.bold(title), ...rows.map(([first, ...rest]) => `  ${first!.padEnd(width)}  ${rest.filter(Boolean).join('  ')}`.trimEnd()));
  };
  const activityRow = (sign: string, paint: (text: string) => string) => (activity: ActivitySummary) => [
    paint(`${sign} ${sanitize(activity.id)}`),
    activity.status,
    sanitize(activity.title),
    style.dim(`(${sanitize(activity.area)})`),
  ];
  const { activities } = diff;
  section('Activities added', activities.added.map(activityRow('+', style.green)));
  section('Activities removed', activities.removed.map(activityRow('-', style.red)));
  section(
    'Status changes',
    activities.changed.flatMap(({ id, status }) =>
      status ? [[sanitize(id), `${status.from} → ${style.bold(status.to)}`, status.date ?? '', status.note === null ? '' : sanitize(status.note)]] : [],
    ),
  );
  section(
    'Unit changes',
    activities.changed.flatMap(({ id, units }) =>
      units.length ? [[sanitize(id), units.map(({ party, added, removed }) => `${sanitize(party)}: ${[...added.map((code) => style.green(`+${sanitize(code)}`)), ...removed.map((code) => style.red(`-${sanitize(code)}`))].join(' ')}`).join('; ')]] : [],
    ),
  );
  section('Field changes', activities.changed.flatMap(({ id, fields }) => (fields.length ? [[sanitize(id), fields.join(', ')]] : [])));
  const unitRow = (sign: string, paint: (text: string) => string) => (unit: UnitSummary) => [paint(`${sign} ${sanitize(unit.party)} ${sanitize(unit.code)}`), sanitize(unit.name)];
  section('Units added', diff.units.added.map(unitRow('+', style.green)));
  section('Units removed', diff.units.removed.map(unitRow('-', style.red)));
  const areaRow = (sign: string, paint: (text: string) => string) => (area: AreaSummary) => [paint(`${sign} ${sanitize(area.id)}`), sanitize(area.title ?? '')];
  section('Areas added', diff.areas.added.map(areaRow('+', style.green)));
  section('Areas removed', diff.areas.removed.map(areaRow('-', style.red)));
  return `${lines.join('\n')}\n`;
}

/** Headed tables for a pull-request comment or `$GITHUB_STEP_SUMMARY`; plan text escaped. */
export function planDiffMarkdown(changes: PlanChanges): string {
  const { diff } = changes;
  const version = (side: PlanVersion) => (side.commit === null ? 'the working tree' : markdownLine(versionName(side)));
  const out = [`### Plan changes: ${version(changes.base)} → ${version(changes.head)}`, ''];
  for (const warning of changes.warnings) out.push(`> **Warning:** ${markdownLine(warning)}`, '');
  const counts = summaryCounts(diff);
  if (counts.length === 0) return `${[...out, 'No changes to the plan.'].join('\n')}\n`;
  out.push(`${upperFirst(counts.join(', '))}.`);
  const table = (title: string, head: string[], rows: string[][]) => {
    if (rows.length === 0) return;
    out.push('', `#### ${title}`, '', `| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`);
    // An empty cell is one space wide, as markdownlint's compact table style wants.
    for (const row of rows) out.push(`|${row.map((cell) => (cell === '' ? ' ' : ` ${cell} `)).join('|')}|`);
  };
  const md = markdownLine;
  const activityRow = (activity: ActivitySummary) => [md(activity.id), md(activity.title), activity.status, md(activity.area)];
  const { activities } = diff;
  const titled = (change: ActivityChange) => [md(change.id), md(change.title)];
  table('Activities added', ['Activity', 'Title', 'Status', 'Area'], activities.added.map(activityRow));
  table('Activities removed', ['Activity', 'Title', 'Status', 'Area'], activities.removed.map(activityRow));
  table(
    'Status changes',
    ['Activity', 'Title', 'From', 'To', 'Date', 'Note'],
    activities.changed.flatMap((change) => {
      const { status } = change;
      return status ? [[...titled(change), status.from, `**${status.to}**`, status.date ?? '', status.note === null ? '' : md(status.note)]] : [];
    }),
  );
  table(
    'Unit changes',
    ['Activity', 'Title', 'Party', 'Added', 'Removed'],
    activities.changed.flatMap((change) =>
      change.units.map(({ party, added, removed }) => [...titled(change), md(party), added.map(md).join(', '), removed.map(md).join(', ')]),
    ),
  );
  table('Field changes', ['Activity', 'Title', 'Fields'], activities.changed.flatMap((change) => (change.fields.length ? [[...titled(change), change.fields.join(', ')]] : [])));
  const unitRow = (unit: UnitSummary) => [md(unit.party), md(unit.code), md(unit.name)];
  table('Units added', ['Party', 'Code', 'Name'], diff.units.added.map(unitRow));
  table('Units removed', ['Party', 'Code', 'Name'], diff.units.removed.map(unitRow));
  const areaRow = (area: AreaSummary) => [md(area.id), md(area.title ?? '')];
  table('Areas added', ['Area', 'Title'], diff.areas.added.map(areaRow));
  table('Areas removed', ['Area', 'Title'], diff.areas.removed.map(areaRow));
  return `${out.join('\n')}\n`;
}

/** `{base, head, complete, warnings, activities, units, areas}` in that order; absent values are null. */
export function planDiffJson(changes: PlanChanges): string {
  const { base, head, complete, warnings, diff } = changes;
  const version = ({ revision, commit }: PlanVersion) => ({ revision, commit });
  const { activities, units, areas } = diff;
  const value = {
    base: version(base),
    head: version(head),
    complete,
    warnings,
    activities: {
      added: activities.added.map(({ id, title, status, area }) => ({ id, title, status, area })),
      removed: activities.removed.map(({ id, title, status, area }) => ({ id, title, status, area })),
      changed: activities.changed.map(({ id, title, status, units: unitChanges, fields }) => ({
        id,
        title,
        status: status && { from: status.from, to: status.to, date: status.date, note: status.note },
        units: unitChanges.map(({ party, added, removed }) => ({ party, added, removed })),
        fields,
      })),
    },
    units: {
      added: units.added.map(({ party, code, name }) => ({ party, code, name })),
      removed: units.removed.map(({ party, code, name }) => ({ party, code, name })),
    },
    areas: {
      added: areas.added.map(({ id, title }) => ({ id, title })),
      removed: areas.removed.map(({ id, title }) => ({ id, title })),
    },
  };
  return `${JSON.stringify(value, null, 2)}\n`;
}

// "1 activity added, 2 status changes, ...": the parts that are not zero.
function summaryCounts(diff: PlanDiff): string[] {
  const { activities, units, areas } = diff;
  const count = (n: number, one: string, many: string, what: string) => (n === 0 ? [] : [`${n} ${n === 1 ? one : many}${what}`]);
  return [
    ...count(activities.added.length, 'activity', 'activities', ' added'),
    ...count(activities.removed.length, 'activity', 'activities', ' removed'),
    ...count(activities.changed.filter((change) => change.status).length, 'status change', 'status changes', ''),
    ...count(activities.changed.filter((change) => change.units.length).length, 'unit change', 'unit changes', ''),
    ...count(activities.changed.filter((change) => change.fields.length).length, 'field change', 'field changes', ''),
    ...count(units.added.length, 'unit', 'units', ' added'),
    ...count(units.removed.length, 'unit', 'units', ' removed'),
    ...count(areas.added.length, 'area', 'areas', ' added'),
    ...count(areas.removed.length, 'area', 'areas', ' removed'),
  ];
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Plan text on one line of a table row or a sentence.
function markdownLine(text: string): string {
  return escapeMarkdown(text, 'line');
}
