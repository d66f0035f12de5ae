import { changeCounts, planChangeCounts } from '../domain/changeCounts.js';
import { fieldChangeRuns } from '../domain/fieldChangeText.js';
import type { ActivitySummary, AreaSummary, PlanDiff } from '../domain/diffPlans.js';
import { replacementText, unitsOf, type OrganisationSummary, type PlanSummary, type UnitOf } from '../domain/diffWorkspaces.js';
import type { PlanChanges, PlanVersion } from '../domain/planChanges.js';
import type { WordChange } from '../domain/wordDiff.js';
import { versionLabel } from '../domain/versionLabel.js';
import { planChangesBlocks } from '../document/planChangesBlocks.js';
import { blocksMarkdown } from './documentMarkdown.js';
import { sanitize } from '../text/sanitize.js';
import { json } from './json.js';
import type { Style } from './style.js';

/** How a version is named: `HEAD~1 (1a2b3c4)`, a bare short id, or `the working tree`. */
export function versionName(version: PlanVersion): string {
  return sanitize(versionLabel(version));
}

/**
 * Sections in a fixed order, each only when it has entries: what a reviewer reads in a terminal.
 * Plans added or removed, organisations and their units, then each plan's changes, under a line
 * naming the plan when more than one plan is in scope.
 */
export function planDiffText(changes: PlanChanges, style: Style): string {
  const { diff } = changes;
  const several = diff.scope.length > 1;
  const range = `${versionName(changes.base)} to ${versionName(changes.head)}`;
  const counts = changeCounts(diff);
  if (counts.length === 0) return `No changes to the ${several ? 'plans' : 'plan'} from ${range}.\n`;
  const lines = [`Plan changes from ${range}: ${counts.join(', ')}`];
  const section = (title: string, rows: string[][]) => {
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((row) => row[0]!.length));
    lines.push('', style.bold(title), ...rows.map(([first, ...rest]) => `  ${first!.padEnd(width)}  ${rest.filter(Boolean).join('  ')}`.trimEnd()));
  };
  const paint = { same: (text: string) => text, removed: (text: string) => style.red(`[-${text}-]`), added: (text: string) => style.green(`{+${text}+}`) };
  const runsText = (change: Parameters<typeof fieldChangeRuns>[0]) =>
    fieldChangeRuns(change)
      .map((run) => paint[run.kind](sanitize(run.text)))
      .join('');

  const planRow = (sign: string, colour: (text: string) => string) => (plan: PlanSummary) => [colour(`${sign} ${sanitize(plan.id)}`), sanitize(plan.title ?? '')];
  section('Plans added', diff.plans.added.map(planRow('+', style.green)));
  section('Plans removed', diff.plans.removed.map(planRow('-', style.red)));
  const organisationRow = (sign: string, colour: (text: string) => string) => (organisation: OrganisationSummary) => [
    colour(`${sign} ${sanitize(organisation.id)}`),
    sanitize(organisation.short_name),
    sanitize(organisation.name),
  ];
  section('Organisations added', diff.organisations.added.map(organisationRow('+', style.green)));
  section('Organisations removed', diff.organisations.removed.map(organisationRow('-', style.red)));
  section(
    'Organisation fields changed',
    diff.organisations.changed.flatMap(({ id, fields }) => fields.map((change, index) => [index === 0 ? sanitize(id) : '', `${change.field}: ${runsText(change)}`])),
  );
  const units = unitsOf(diff);
  const unitName = ({ organisation, unit }: UnitOf) => `${sanitize(organisation)} ${sanitize(unit.code)}`;
  const unitRow = (sign: string, colour: (text: string) => string) => (row: UnitOf) => [colour(`${sign} ${unitName(row)}`), sanitize(row.unit.name)];
  section('Units added', units.added.map(unitRow('+', style.green)));
  section('Units removed', units.removed.map(unitRow('-', style.red)));
  section(
    'Units ended',
    units.ended.map((row) => [unitName(row), `until ${sanitize(row.unit.until)}`, sanitize(row.unit.name)]),
  );
  section(
    'Units replaced',
    units.replaced.map((row) => [unitName(row), `→ ${row.unit.replaced_by.map((code) => style.bold(sanitize(code))).join(', ')} (${sanitize(replacementText(row.unit))})`, sanitize(row.unit.name)]),
  );

  for (const entry of diff.plans.changed) {
    if (several) lines.push('', style.bold(`Plan ${sanitize(entry.id)}${entry.title ? ` (${sanitize(entry.title)})` : ''}: ${planChangeCounts(entry.diff).join(', ')}`));
    planSections(entry.diff, section, style, runsText);
  }
  return `${lines.join('\n')}\n`;
}

// One plan's sections, in the order they have always had.
function planSections(diff: PlanDiff, section: (title: string, rows: string[][]) => void, style: Style, runsText: (change: Parameters<typeof fieldChangeRuns>[0]) => string): void {
  const activityRow = (sign: string, paint: (text: string) => string) => (activity: ActivitySummary) => [
    paint(`${sign} ${sanitize(activity.id)}`),
    activity.status,
    sanitize(activity.title),
    style.dim(`(${sanitize(activity.area)})`),
  ];
  const { activities } = diff;
  section(
    'Plan fields changed',
    diff.planFields.map((change) => [change.field, runsText(change)]),
  );
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
      units.length
        ? [
            [
              sanitize(id),
              units
                .map(
                  ({ party, added, removed }) =>
                    `${sanitize(party)}: ${[...added.map((code) => style.green(`+${sanitize(code)}`)), ...removed.map((code) => style.red(`-${sanitize(code)}`))].join(' ')}`,
                )
                .join('; '),
            ],
          ]
        : [],
    ),
  );
  section(
    'History entries added',
    activities.changed.flatMap(({ id, history }) =>
      history.map((entry, index) => [index === 0 ? sanitize(id) : '', sanitize(entry.date), entry.status, entry.note === undefined ? '' : sanitize(entry.note)]),
    ),
  );
  section(
    'Field changes',
    activities.changed.flatMap(({ id, fields, changes }) => [
      ...changes.map((change, index) => [index === 0 ? sanitize(id) : '', `${change.field}: ${runsText(change)}`]),
      ...(fields.includes('history') ? [[changes.length === 0 ? sanitize(id) : '', 'history: earlier entries changed or removed']] : []),
    ]),
  );
  const areaRow = (sign: string, paint: (text: string) => string) => (area: AreaSummary) => [paint(`${sign} ${sanitize(area.id)}`), sanitize(area.title ?? '')];
  section('Areas added', diff.areas.added.map(areaRow('+', style.green)));
  section('Areas removed', diff.areas.removed.map(areaRow('-', style.red)));
}

/** Headed tables for a pull-request comment or `$GITHUB_STEP_SUMMARY`; plan text escaped. */
export function planDiffMarkdown(changes: PlanChanges): string {
  return blocksMarkdown(planChangesBlocks(changes));
}

/**
 * `{base, head, complete, warnings, scope, plans, organisations, plan_fields, activities, units, areas}`
 * in that order; absent values are null. `plan_fields`, `activities` and `areas` hold every plan's
 * entries in scope order, each naming its `plan` first; `units` every organisation's units added and
 * removed (`party`: the organisation's id), as `organisations` reports them.
 */
export function planDiffJson(changes: PlanChanges): string {
  const { base, head, complete, warnings, diff } = changes;
  const version = ({ revision, commit }: PlanVersion) => ({ revision, commit });
  const words = (list: readonly WordChange[] | undefined) =>
    list && { words: list.map(({ text, added, removed }) => ({ text, change: added ? 'added' : removed ? 'removed' : 'same' })) };
  const each = <T>(pick: (entry: { id: string; diff: PlanDiff }) => readonly T[]) => diff.plans.changed.flatMap((entry) => pick(entry).map((item) => ({ plan: entry.id, item })));
  const activity = ({ plan, item: { id, title, status, area } }: { plan: string; item: ActivitySummary }) => ({ plan, id, title, status, area });
  const area = ({ plan, item: { id, title } }: { plan: string; item: AreaSummary }) => ({ plan, id, title });
  const plan = ({ id, title }: PlanSummary) => ({ id, title });
  const organisation = ({ id, name, short_name, units: list }: OrganisationSummary) => ({
    id,
    name,
    short_name,
    units: list.map(({ code, name: unitName }) => ({ code, name: unitName })),
  });
  const units = unitsOf(diff);
  const value = {
    base: version(base),
    head: version(head),
    complete,
    warnings,
    scope: diff.scope,
    plans: { added: diff.plans.added.map(plan), removed: diff.plans.removed.map(plan) },
    organisations: {
      added: diff.organisations.added.map(organisation),
      removed: diff.organisations.removed.map(organisation),
      changed: diff.organisations.changed.map(({ id, short_name, fields, units: unitChanges }) => ({
        id,
        short_name,
        fields: fields.map(({ field, from, to, words: list }) => ({ field, from, to, ...words(list) })),
        units: {
          added: unitChanges.added.map(({ code, name }) => ({ code, name })),
          removed: unitChanges.removed.map(({ code, name }) => ({ code, name })),
          ended: unitChanges.ended.map(({ code, name, until }) => ({ code, name, until })),
          replaced: unitChanges.replaced.map(({ code, name, replaced_by, kind, with: merged }) => ({ code, name, replaced_by, kind, with: merged })),
        },
      })),
    },
    plan_fields: each((entry) => entry.diff.planFields).map(({ plan: id, item: { field, from, to, words: list } }) => ({ plan: id, field, from, to, ...words(list) })),
    activities: {
      added: each((entry) => entry.diff.activities.added).map(activity),
      removed: each((entry) => entry.diff.activities.removed).map(activity),
      changed: each((entry) => entry.diff.activities.changed).map(
        ({ plan: id, item: { id: activityId, title, status, units: unitChanges, fields, changes: fieldChanges, history } }) => ({
          plan: id,
          id: activityId,
          title,
          status: status && { from: status.from, to: status.to, date: status.date, note: status.note },
          units: unitChanges.map(({ party, added, removed }) => ({ party, added, removed })),
          fields,
          history: history.map(({ date, status: entryStatus, note }) => ({ date, status: entryStatus, note: note ?? null })),
          changes: fieldChanges.map(({ field, from, to, words: list }) => ({ field, from, to, ...words(list) })),
        }),
      ),
    },
    units: {
      added: units.added.map(({ organisation: party, unit: { code, name } }) => ({ party, code, name })),
      removed: units.removed.map(({ organisation: party, unit: { code, name } }) => ({ party, code, name })),
    },
    areas: {
      added: each((entry) => entry.diff.areas.added).map(area),
      removed: each((entry) => entry.diff.areas.removed).map(area),
    },
  };
  return json(value);
}
