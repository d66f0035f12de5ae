import { cumulativeFlow } from '../domain/cumulativeFlow.js';
import { plansOf } from '../domain/scope.js';
import { sharedActivities } from '../domain/sharedActivities.js';
import { areaLabel, type StatusReport } from '../domain/statusReport.js';
import type { Plan } from '../model.js';
import type { Chart } from './model.js';

/** The charts of a status report, as data; the status document places them, each format draws them. */
export interface StatusCharts {
  /** Totals by status. */
  totals: Chart;
  /** One bar per area, split by status. */
  areas: Chart;
  /** The statuses from the signing day (else the first history entry) to the as-of day. */
  flow: Chart;
  /** For each pair of parties, in the order of the plan, the activities each pair of their units shares. */
  sharing: Chart[];
  /** For each party, one bar per unit, split by status. */
  workload: Chart[];
}

/** The charts that show a status report: the same figures as its tables, drawn. */
export function statusCharts(report: StatusReport, plan: Plan): StatusCharts {
  const firstEntry = report.activities.reduce<string | undefined>((first, activity) => {
    const date = activity.history[0]?.date;
    return date !== undefined && (first === undefined || date < first) ? date : first;
  }, undefined);
  const from = plan.meta.signing?.date ?? firstEntry ?? report.asOf;
  const to = report.asOf < from ? from : report.asOf;
  const sharing: Chart[] = [];
  plan.parties.forEach((rowParty, index) => {
    for (const columnParty of plan.parties.slice(index + 1)) {
      const shared = sharedActivities(report.activities, { id: rowParty.id, units: plan.units.get(rowParty.id) ?? [] }, { id: columnParty.id, units: plan.units.get(columnParty.id) ?? [] });
      if (shared.rows.length === 0 || shared.columns.length === 0) continue;
      sharing.push({
        kind: 'heat-map',
        title: `Who works with whom: activities shared by ${rowParty.short_name} and ${columnParty.short_name} units`,
        rows: shared.rows.map((unit) => unit.code),
        columns: shared.columns.map((unit) => unit.code),
        cells: shared.cells,
        rowNames: shared.rows.map((unit) => unit.name),
        columnNames: shared.columns.map((unit) => unit.name),
        rowHeading: `${rowParty.short_name} units`,
        columnHeading: `${columnParty.short_name} units`,
      });
    }
  });
  return {
    totals: { kind: 'status-totals', title: 'Activities by status', counts: report.byStatus },
    areas: { kind: 'stacked-bars', title: 'Activities by area and status', labelHead: 'Area', bars: report.areas.map((entry) => ({ label: areaLabel(entry, plansOf(plan).length > 1), counts: entry.byStatus })) },
    flow: { kind: 'cumulative-flow', title: `The plan over time: activities by status from ${from} to ${to}`, days: cumulativeFlow(report.activities, { from, to }) },
    sharing,
    workload: report.parties.map(({ party, units }) => ({
      kind: 'stacked-bars',
      title: `Workload by unit: ${party.short_name}`,
      labelHead: 'Unit',
      bars: units.map(({ unit, byStatus }) => ({ label: unit.code, name: unit.name, counts: byStatus })),
    })),
  };
}
