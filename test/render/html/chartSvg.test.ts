import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Chart } from '../../../src/document/model.js';
import { chartSvg } from '../../../src/render/html/chartSvg.js';
import { svgElements } from './svgElements.js';

const zero = { planned: 0, 'in-progress': 0, ongoing: 0, completed: 0, 'on-hold': 0, cancelled: 0 };
const marks = (svg: string) => svgElements(svg, 'rect').filter(({ attributes }) => attributes.class === 'mark' && attributes.y !== '3');

describe('chart geometry', () => {
  it('draws status totals as one bar per status, its length the share of all, with count and share beside it', () => {
    const svg = chartSvg({ kind: 'status-totals', title: 'By status', counts: { ...zero, planned: 3, ongoing: 1 } }, 't');
    const bars = marks(svg).map(({ attributes }) => [attributes.fill, attributes.x, attributes.width]);
    expect(bars).toEqual([
      ['url(#status-planned)', '100', '315'],
      ['url(#status-in-progress)', '100', '0'],
      ['url(#status-ongoing)', '100', '105'],
      ['url(#status-completed)', '100', '0'],
      ['url(#status-on-hold)', '100', '0'],
      ['url(#status-cancelled)', '100', '0'],
    ]);
    expect(svgElements(svg, 'text').map(({ text }) => text)).toContain('3 (75%)');
    expect(svgElements(svg, 'text').map(({ text }) => text)).toContain('1 (25%)');
  });

  it('stacks each bar by status on one scale for all bars, the total at its end', () => {
    const chart: Chart = {
      kind: 'stacked-bars',
      title: 'By area',
      bars: [
        { label: 'Alpha', counts: { ...zero, planned: 2, completed: 2 } },
        { label: 'Beta', counts: { ...zero, ongoing: 1 } },
      ],
    };
    const svg = chartSvg(chart, 't');
    expect(marks(svg).map(({ attributes }) => [attributes.fill, attributes.x, attributes.y, attributes.width])).toEqual([
      ['url(#status-planned)', '190', '28', '195'],
      ['url(#status-completed)', '385', '28', '195'],
      ['url(#status-ongoing)', '190', '52', '97.5'],
    ]);
    const texts = svgElements(svg, 'text').map(({ attributes, text }) => [attributes.x, text]);
    expect(texts).toContainEqual(['586', '4']);
    expect(texts).toContainEqual(['293.5', '1']);
  });

  it('draws the cumulative flow as stacked steps on a time axis, finished work at the bottom', () => {
    const chart: Chart = {
      kind: 'cumulative-flow',
      title: 'Over time',
      days: [
        { date: '2020-01-01', counts: { ...zero, planned: 2 } },
        { date: '2020-01-11', counts: { ...zero, planned: 1, completed: 1 } },
        { date: '2020-01-21', counts: { ...zero, planned: 1, completed: 1 } },
      ],
    };
    const bands = svgElements(chartSvg(chart, 't'), 'path').map(({ attributes }) => [attributes.fill, attributes.d]);
    // x: 44 to 624 over twenty days; y: 232 (none) to 32 (two, the axis top).
    expect(bands).toEqual([
      ['url(#status-completed)', 'M44 232L334 232L334 132L624 132L624 232L334 232L44 232Z'],
      ['url(#status-planned)', 'M44 32L334 32L624 32L624 132L334 132L334 232L44 232Z'],
    ]);
  });

  it('shades heat-map cells by count, counts the non-empty ones in text, and outlines the empty ones', () => {
    const chart: Chart = { kind: 'heat-map', title: 'Shared', rows: ['R1', 'R2'], columns: ['C1', 'C2'], cells: [[2, 0], [1, 1]], rowNames: ['Row one', 'Row two'] };
    const svg = chartSvg(chart, 't');
    const cells = svgElements(svg, 'rect').map(({ attributes }) => [attributes.class, attributes['fill-opacity']]);
    expect(cells).toEqual([
      ['heat', '1'],
      ['empty', undefined],
      ['heat', '0.6'],
      ['heat', '0.6'],
    ]);
    expect(svgElements(svg, 'text').filter(({ attributes }) => attributes['text-anchor'] === 'middle').map(({ text }) => text)).toEqual(['2', '1', '1']);
    expect(svg).toContain('R1<title>Row one</title>');
  });

  it('writes every chart as well-formed SVG with role img, named by the element given', () => {
    const charts: Chart[] = [
      { kind: 'status-totals', title: 'T', counts: zero },
      { kind: 'stacked-bars', title: 'S', bars: [] },
      { kind: 'cumulative-flow', title: 'C', days: [{ date: '2020-01-01', counts: zero }] },
      { kind: 'heat-map', title: 'H', rows: [], columns: [], cells: [] },
    ];
    for (const chart of charts) {
      const svg = chartSvg(chart, 'name-1');
      expect(XMLValidator.validate(svg), chart.kind).toBe(true);
      expect(svg).toMatch(/^<svg role="img" aria-labelledby="name-1" viewBox="0 0 \d+(\.\d)? \d+(\.\d)?"/);
      expect(svg).not.toMatch(/NaN|Infinity|undefined/);
    }
  });
});
