import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statusCharts } from '../../src/document/statusCharts.js';
import { statusReport } from '../../src/domain/statusReport.js';
import { loadFixture } from '../helpers.js';
import { fixtures } from '../helpers.js';

const plan = loadFixture(join(fixtures, 'status-page', 'plan'), { cwd: fixtures, today: '2026-11-28' }).plan!;
const zero = { planned: 0, 'in-progress': 0, ongoing: 0, completed: 0, 'on-hold': 0, cancelled: 0 };

describe('statusCharts', () => {
  const charts = statusCharts(statusReport(plan, plan.activities, { asOf: '2026-11-28', staleDays: 180 }), plan);

  it('draws the plan from the signing day to the as-of day, one point per day the counts changed', () => {
    expect(charts.flow).toMatchObject({ kind: 'cumulative-flow', title: 'The plan over time: activities by status from 2020-01-15 to 2026-11-28' });
    const days = charts.flow.kind === 'cumulative-flow' ? charts.flow.days : [];
    expect(days.map((day) => day.date)).toEqual(['2020-01-15', '2021-01-10', '2021-03-01', '2022-09-01', '2023-06-30', '2024-02-01', '2026-11-28']);
    expect(days[0]!.counts).toEqual({ ...zero, planned: 5, ongoing: 1 });
    expect(days.at(-1)!.counts).toEqual({ planned: 1, 'in-progress': 1, ongoing: 1, completed: 1, 'on-hold': 1, cancelled: 1 });
  });

  it('gives one heat map per pair of parties, in the order of the plan, with the units that share work', () => {
    expect(charts.sharing.map((chart) => chart.kind === 'heat-map' && [chart.rowHeading, chart.columnHeading, chart.rows, chart.columns, chart.cells])).toEqual([
      ['North units', 'South units', ['RAU', 'LEG', 'TRU'], ['IAU', 'TU'], [[2, 0], [1, 0], [0, 2]]],
      ['North units', 'East units', ['RAU', 'LEG', 'TRU'], ['DAT'], [[2], [1], [0]]],
      ['South units', 'East units', ['IAU', 'TU'], ['DAT'], [[1], [0]]],
    ]);
  });

  it('splits each party\u2019s workload by unit and status, with the units\u2019 full names', () => {
    expect(charts.workload[0]).toMatchObject({
      kind: 'stacked-bars',
      title: 'Workload by unit: North',
      bars: [
        { label: 'RAU', name: 'Risk Analysis Unit', counts: { ...zero, ongoing: 1, completed: 1, 'on-hold': 1 } },
        { label: 'TRU', name: 'Training Unit', counts: { ...zero, 'in-progress': 1, cancelled: 1 } },
        { label: 'LEG', name: 'Legal Affairs Unit', counts: { ...zero, planned: 1, 'on-hold': 1 } },
      ],
    });
  });
});
