import type { Chart } from '../../document/model.js';
import { coordinate } from './coordinate.js';
import { escapeHtml } from './escapeHtml.js';
import { svgLabel } from './svgLabel.js';

type HeatMap = Extract<Chart, { kind: 'heat-map' }>;

const CELL = 34;
const LABEL_CHARACTERS = 10;
const CHARACTER = 7.5;
const HEADING = 18;
const HEADING_CHARACTERS = 24;

/**
 * A matrix as a grid of cells whose shade grows with the count, each non-zero cell also showing
 * its count (so it reads in greyscale) and naming its row, column and count as a tooltip. Rows
 * are labelled on the left, columns on top (turned, to fit), each with the full name as a tooltip.
 */
export function heatMapSvg(chart: HeatMap, labelledBy: string): string {
  const headingCharacters = chart.rowHeading === undefined ? 0 : Math.min(HEADING_CHARACTERS, [...chart.rowHeading].length + 2);
  const rowLabelWidth = 12 + CHARACTER * Math.max(3, headingCharacters, ...chart.rows.map((row) => Math.min(LABEL_CHARACTERS, [...row].length)));
  const columnLabelHeight = 10 + CHARACTER * 0.75 * Math.max(3, ...chart.columns.map((column) => Math.min(LABEL_CHARACTERS, [...column].length)));
  const left = rowLabelWidth;
  const top = HEADING + columnLabelHeight;
  const width = Math.max(left + chart.columns.length * CELL + 8, 160);
  const height = top + chart.rows.length * CELL + 4;
  const largest = Math.max(1, ...chart.cells.flat());
  const headings =
    (chart.columnHeading === undefined ? '' : `<text x="${left}" y="12" class="heading">${svgLabel(chart.columnHeading, 40)} →</text>`) +
    (chart.rowHeading === undefined ? '' : `<text x="0" y="${coordinate(top - 6)}" class="heading">${svgLabel(chart.rowHeading, HEADING_CHARACTERS - 2)} ↓</text>`);
  const columns = chart.columns.map((column, index) => {
    const x = left + index * CELL + CELL / 2 + 4;
    return `<text transform="translate(${coordinate(x)} ${coordinate(top - 4)}) rotate(-45)">${svgLabel(column, LABEL_CHARACTERS, chart.columnNames?.[index])}</text>`;
  });
  const rows = chart.rows.map((row, r) => {
    const y = top + r * CELL;
    const label = `<text x="${coordinate(left - 6)}" y="${coordinate(y + CELL / 2 + 4)}" text-anchor="end">${svgLabel(row, LABEL_CHARACTERS, chart.rowNames?.[r])}</text>`;
    const cells = chart.columns.map((column, c) => {
      const count = chart.cells[r]?.[c] ?? 0;
      const x = left + c * CELL;
      const tooltip = `<title>${escapeHtml(row)} × ${escapeHtml(column)}: ${count}</title>`;
      if (count === 0) return `<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" class="empty">${tooltip}</rect>`;
      const shade = 0.2 + 0.8 * (count / largest);
      return (
        `<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" class="heat" fill-opacity="${Math.round(shade * 100) / 100}">${tooltip}</rect>` +
        `<text x="${x + CELL / 2}" y="${y + CELL / 2 + 4}" text-anchor="middle" class="${shade > 0.55 ? 'on-heat' : 'count'}">${count}</text>`
      );
    });
    return label + cells.join('');
  });
  return `<svg role="img" aria-labelledby="${labelledBy}" viewBox="0 0 ${coordinate(width)} ${coordinate(height)}" width="${coordinate(width)}" height="${coordinate(height)}" class="chart">${headings}${columns.join('')}${rows.join('')}</svg>`;
}
