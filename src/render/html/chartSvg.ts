import type { Chart } from '../../document/model.js';
import { cumulativeFlowSvg } from './cumulativeFlowSvg.js';
import { heatMapSvg } from './heatMapSvg.js';
import { stackedBarsSvg } from './stackedBarsSvg.js';
import { statusTotalsSvg } from './statusTotalsSvg.js';

/** A chart drawn as inline SVG (role img, named by the element `labelledBy`), by its kind. */
export function chartSvg(chart: Chart, labelledBy: string): string {
  switch (chart.kind) {
    case 'status-totals':
      return statusTotalsSvg(chart, labelledBy);
    case 'stacked-bars':
      return stackedBarsSvg(chart, labelledBy);
    case 'cumulative-flow':
      return cumulativeFlowSvg(chart, labelledBy);
    case 'heat-map':
      return heatMapSvg(chart, labelledBy);
  }
}
