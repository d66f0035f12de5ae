import { STATUSES, type Status } from '../model.js';
import type { Cell, Chart, Inline, Table } from './model.js';

/**
 * The numbers a chart draws, as a table: what a reader without the picture (a screen reader, a
 * format that cannot draw, a person who wants the figures) gets instead, and what the page shows
 * beside each chart. Every count the chart draws is in it.
 */
export function chartTable(chart: Chart): Table {
  switch (chart.kind) {
    case 'status-totals': {
      const total = sum(chart.counts);
      return {
        caption: chart.title,
        head: [['Status'], ['Activities'], ['Share']],
        rows: [
          ...STATUSES.map((status): Cell[] => [[{ text: status, status }], [String(chart.counts[status])], [share(chart.counts[status], total)]]),
          [[{ text: 'Total', strong: true }], [{ text: String(total), strong: true }], [{ text: total === 0 ? '–' : '100%', strong: true }]],
        ],
        widths: [0.4, 0.3, 0.3],
        numeric: [false, true, true],
      };
    }
    case 'stacked-bars':
      return countsTable(
        chart.title,
        chart.labelHead ?? 'Label',
        chart.bars.map((bar) => ({ label: bar.name === undefined ? [bar.label] : [{ text: bar.label, title: bar.name }, ` ${bar.name}`], counts: bar.counts })),
      );
    case 'cumulative-flow':
      return countsTable(chart.title, 'Day', chart.days.map((day) => ({ label: [day.date], counts: day.counts })));
    case 'heat-map': {
      const columns = chart.columns.map((column, index): Inline[] => [chart.columnNames?.[index] === undefined ? column : { text: column, title: chart.columnNames[index] }]);
      const label = (row: string, index: number): Inline[] => (chart.rowNames?.[index] === undefined ? [row] : [{ text: row, title: chart.rowNames[index] }, ` ${chart.rowNames[index]}`]);
      const corner = [chart.rowHeading, chart.columnHeading].filter((text) => text !== undefined).join(' × ');
      return {
        caption: chart.title,
        head: [[corner], ...columns],
        rows: chart.rows.map((row, r) => [label(row, r), ...chart.columns.map((_, c): Cell => [String(chart.cells[r]?.[c] ?? 0)])]),
        widths: evenly(chart.columns.length + 1, 0.3),
        numeric: [false, ...chart.columns.map(() => true)],
      };
    }
  }
}

function countsTable(caption: string, labelHead: string, rows: { label: Inline[]; counts: Record<Status, number> }[]): Table {
  return {
    caption,
    head: [[labelHead], ...STATUSES.map((status): Inline[] => [status]), ['Total']],
    rows: rows.map(({ label, counts }) => [label, ...STATUSES.map((status): Cell => [String(counts[status])]), [String(sum(counts))]]),
    widths: evenly(STATUSES.length + 2, 0.3),
    numeric: [false, ...STATUSES.map(() => true), true],
  };
}

function sum(counts: Record<Status, number>): number {
  return STATUSES.reduce((total, status) => total + counts[status], 0);
}

function share(count: number, total: number): string {
  return total === 0 ? '–' : `${Math.round((count / total) * 100)}%`;
}

// The first column gets `first` of the width, the others share the rest equally; the shares add up to 1.
function evenly(columns: number, first: number): number[] {
  if (columns === 1) return [1];
  const rest = (1 - first) / (columns - 1);
  return [first, ...Array.from({ length: columns - 1 }, () => rest)];
}
