import { changeCounts, planChangeCounts } from '../domain/changeCounts.js';
import type { ActivityChange, ActivitySummary, AreaSummary, PlanDiff } from '../domain/diffPlans.js';
import { replacementText, unitsOf, type OrganisationSummary, type PlanSummary } from '../domain/diffWorkspaces.js';
import { fieldChangeRuns } from '../domain/fieldChangeText.js';
import type { PlanChanges } from '../domain/planChanges.js';
import { versionLabel } from '../domain/versionLabel.js';
import type { Block, Cell, Inline } from './model.js';

/**
 * What changed in the workspace between two versions, as headed tables: `plan diff --format
 * markdown` and the report's changes section. Plans added or removed, organisations and their
 * units, then each plan's changes (under a heading of its own when more than one plan is in scope).
 */
export function planChangesBlocks(changes: PlanChanges): Block[] {
  const { diff } = changes;
  const several = diff.scope.length > 1;
  const blocks: Block[] = [{ kind: 'heading', level: 3, text: [`Plan changes: ${versionLabel(changes.base)} → ${versionLabel(changes.head)}`], anchor: 'plan-changes' }];
  for (const warning of changes.warnings) blocks.push({ kind: 'paragraph', role: 'warning', text: [{ text: 'Warning:', strong: true }, ` ${warning}`] });
  const counts = changeCounts(diff);
  if (counts.length === 0) {
    blocks.push({ kind: 'paragraph', text: [several ? 'No changes to the plans.' : 'No changes to the plan.'] });
    return blocks;
  }
  blocks.push({ kind: 'paragraph', text: [`${upperFirst(counts.join(', '))}.`] });
  // Under a plan's own heading, a table's title is a bold line rather than a heading of the same level.
  const table = (title: string, head: string[], rows: Cell[][], headed = true) => {
    if (rows.length === 0) return;
    const width = 1 / head.length;
    const titled: Block = headed ? { kind: 'heading', level: 4, text: [title] } : { kind: 'paragraph', text: [{ text: title, strong: true }] };
    blocks.push(titled, { kind: 'table', table: { head: head.map((cell) => [cell]), rows, widths: head.map(() => width) } });
  };
  const plain = (text: string): Inline[] => [text];
  // Removed words marked [-…-], added ones {+…+} and in bold, so the change reads without colour.
  const changeCell = (change: Parameters<typeof fieldChangeRuns>[0]): Inline[] =>
    fieldChangeRuns(change).map((run) => (run.kind === 'same' ? run.text : run.kind === 'removed' ? `[-${run.text}-]` : { text: `{+${run.text}+}`, strong: true }));

  const planRow = (plan: PlanSummary) => [plan.id, plan.title ?? ''].map(plain);
  table('Plans added', ['Plan', 'Title'], diff.plans.added.map(planRow));
  table('Plans removed', ['Plan', 'Title'], diff.plans.removed.map(planRow));
  const organisationRow = (organisation: OrganisationSummary) =>
    [organisation.id, organisation.short_name, organisation.name, organisation.units.map((unit) => unit.code).join(', ')].map(plain);
  table('Organisations added', ['Organisation', 'Short name', 'Name', 'Units'], diff.organisations.added.map(organisationRow));
  table('Organisations removed', ['Organisation', 'Short name', 'Name', 'Units'], diff.organisations.removed.map(organisationRow));
  table(
    'Organisation fields changed',
    ['Organisation', 'Field', 'Change'],
    diff.organisations.changed.flatMap((change) => change.fields.map((field) => [plain(change.id), plain(field.field), changeCell(field)])),
  );
  const units = unitsOf(diff);
  table(
    'Units added',
    ['Organisation', 'Code', 'Name'],
    units.added.map(({ organisation, unit }) => [organisation, unit.code, unit.name].map(plain)),
  );
  table(
    'Units removed',
    ['Organisation', 'Code', 'Name'],
    units.removed.map(({ organisation, unit }) => [organisation, unit.code, unit.name].map(plain)),
  );
  table(
    'Units ended',
    ['Organisation', 'Code', 'Name', 'Until'],
    units.ended.map(({ organisation, unit }) => [organisation, unit.code, unit.name, unit.until].map(plain)),
  );
  table(
    'Units replaced',
    ['Organisation', 'Code', 'Name', 'Replaced by', 'Change'],
    units.replaced.map(({ organisation, unit }) => [organisation, unit.code, unit.name, unit.replaced_by.join(', '), replacementText(unit)].map(plain)),
  );

  for (const entry of diff.plans.changed) {
    if (several) {
      blocks.push(
        { kind: 'heading', level: 4, text: [entry.title ? `Plan ${entry.id}: ${entry.title}` : `Plan ${entry.id}`] },
        { kind: 'paragraph', text: [`${upperFirst(planChangeCounts(entry.diff).join(', '))}.`] },
      );
    }
    planTables(entry.diff, (title, head, rows) => table(title, head, rows, !several), plain, changeCell);
  }
  return blocks;
}

// One plan's tables, in the order they have always had.
function planTables(
  diff: PlanDiff,
  table: (title: string, head: string[], rows: Cell[][]) => void,
  plain: (text: string) => Inline[],
  changeCell: (change: Parameters<typeof fieldChangeRuns>[0]) => Inline[],
): void {
  const activityRow = (activity: ActivitySummary) => [activity.id, activity.title, activity.status, activity.area].map(plain);
  const { activities } = diff;
  const titled = (change: ActivityChange) => [plain(change.id), plain(change.title)];
  table(
    'Plan fields changed',
    ['Field', 'Change'],
    diff.planFields.map((change) => [plain(change.field), changeCell(change)]),
  );
  table('Activities added', ['Activity', 'Title', 'Status', 'Area'], activities.added.map(activityRow));
  table('Activities removed', ['Activity', 'Title', 'Status', 'Area'], activities.removed.map(activityRow));
  table(
    'Status changes',
    ['Activity', 'Title', 'From', 'To', 'Date', 'Note'],
    activities.changed.flatMap((change) => {
      const { status } = change;
      return status ? [[...titled(change), plain(status.from), [{ text: status.to, strong: true }], plain(status.date ?? ''), plain(status.note ?? '')]] : [];
    }),
  );
  table(
    'Unit changes',
    ['Activity', 'Title', 'Party', 'Added', 'Removed'],
    activities.changed.flatMap((change) => change.units.map(({ party, added, removed }) => [...titled(change), plain(party), plain(added.join(', ')), plain(removed.join(', '))])),
  );
  table(
    'History entries added',
    ['Activity', 'Title', 'Date', 'Status', 'Note'],
    activities.changed.flatMap((change) => change.history.map((entry) => [...titled(change), plain(entry.date), plain(entry.status), plain(entry.note ?? '')])),
  );
  table(
    'Field changes',
    ['Activity', 'Title', 'Field', 'Change'],
    activities.changed.flatMap((change) => [
      ...change.changes.map((fieldChange) => [...titled(change), plain(fieldChange.field), changeCell(fieldChange)]),
      ...(change.fields.includes('history') ? [[...titled(change), plain('history'), plain('earlier entries changed or removed')]] : []),
    ]),
  );
  const areaRow = (area: AreaSummary) => [area.id, area.title ?? ''].map(plain);
  table('Areas added', ['Area', 'Title'], diff.areas.added.map(areaRow));
  table('Areas removed', ['Area', 'Title'], diff.areas.removed.map(areaRow));
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
