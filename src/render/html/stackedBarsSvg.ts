import type { Chart } from '../../document/model.js';
import { STATUSES } from '../../model.js';
import { coordinate } from './coordinate.js';
import { escapeHtml } from './escapeHtml.js';
import { legendSvg } from './legendSvg.js';
import { statusPattern } from './statusPatterns.js';
import { WIDTH } from './statusTotalsSvg.js';
import { svgLabel } from './svgLabel.js';

type StackedBars = Extract<Chart, { kind: 'stacked-bars' }>;

const LABEL = 190;
const BAR_AREA = 390;
const TOP = 28;
const ROW = 24;
const BAR = 16;
const LABEL_CHARACTERS = 28;

/**
 * One horizontal bar per label (an area, a unit), split by status in the order of STATUSES, its
 * length the count of activities on a scale shared by all bars; the total stands at the end of
 * each bar, and each part names its status and count as a tooltip. A legend on top keys the fills.
 */
export function stackedBarsSvg(chart: StackedBars, labelledBy: string): string {
  const totals = chart.bars.map((bar) => STATUSES.reduce((sum, status) => sum + bar.counts[status], 0));
  const scale = BAR_AREA / Math.max(1, ...totals);
  const height = TOP + chart.bars.length * ROW + 6;
  const bars = chart.bars.map((bar, index) => {
    const y = TOP + index * ROW;
    let x = LABEL;
    const parts = STATUSES.filter((status) => bar.counts[status] > 0).map((status) => {
      const width = bar.counts[status] * scale;
      const part = `<rect x="${coordinate(x)}" y="${y}" width="${coordinate(width)}" height="${BAR}" fill="url(#${statusPattern(status)})" class="mark"><title>${escapeHtml(bar.label)}: ${bar.counts[status]} ${status}</title></rect>`;
      x += width;
      return part;
    });
    const label = svgLabel(bar.label, LABEL_CHARACTERS, bar.name);
    return `<text x="${LABEL - 8}" y="${y + BAR - 4}" text-anchor="end">${label}</text>${parts.join('')}<text x="${coordinate(x + 6)}" y="${y + BAR - 4}">${totals[index]}</text>`;
  });
  return `<svg role="img" aria-labelledby="${labelledBy}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" class="chart">${legendSvg(0, 0)}${bars.join('')}</svg>`;
}
