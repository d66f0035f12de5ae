import { STATUSES } from '../../model.js';
import { coordinate } from './coordinate.js';
import { statusPattern } from './statusPatterns.js';

/** The width the legend gives each status. */
export const LEGEND_STEP = 104;

/** One row of swatches naming every status, its top at `y`: the key to a chart's fills, 20 high. */
export function legendSvg(x: number, y: number): string {
  return `<g class="legend">${STATUSES.map((status, index) => {
    const left = x + index * LEGEND_STEP;
    return `<rect x="${coordinate(left)}" y="${coordinate(y + 3)}" width="14" height="14" fill="url(#${statusPattern(status)})" class="mark"/><text x="${coordinate(left + 19)}" y="${coordinate(y + 14)}">${status}</text>`;
  }).join('')}</g>`;
}
