import type { Chart } from '../../document/model.js';
import { STATUSES } from '../../model.js';
import { coordinate } from './coordinate.js';
import { statusPattern } from './statusPatterns.js';

type StatusTotals = Extract<Chart, { kind: 'status-totals' }>;

/** Chart width in SVG units; the page scales it to the column. */
export const WIDTH = 640;
const LABEL = 100;
const BAR_AREA = 420;
const ROW = 26;
const BAR = 18;

/**
 * Totals by status as one horizontal bar per status, its length the status's share of all
 * activities, each named on the left and counted on the right (count and share), so the chart
 * reads without its colours.
 */
export function statusTotalsSvg(chart: StatusTotals, labelledBy: string): string {
  const total = STATUSES.reduce((sum, status) => sum + chart.counts[status], 0);
  const height = STATUSES.length * ROW + 8;
  const rows = STATUSES.map((status, index) => {
    const count = chart.counts[status];
    const y = 4 + index * ROW;
    const width = total === 0 ? 0 : (count / total) * BAR_AREA;
    const share = total === 0 ? 0 : Math.round((count / total) * 100);
    return (
      `<text x="${LABEL - 8}" y="${coordinate(y + BAR - 4)}" text-anchor="end">${status}</text>` +
      `<rect x="${LABEL}" y="${coordinate(y)}" width="${coordinate(width)}" height="${BAR}" fill="url(#${statusPattern(status)})" class="mark"><title>${status}: ${count}</title></rect>` +
      `<text x="${coordinate(LABEL + width + 6)}" y="${coordinate(y + BAR - 4)}">${count} (${share}%)</text>`
    );
  });
  return `<svg role="img" aria-labelledby="${labelledBy}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" class="chart">${rows.join('')}</svg>`;
}
