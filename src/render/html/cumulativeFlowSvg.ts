import type { Chart } from '../../document/model.js';
import type { Status } from '../../model.js';
import { coordinate } from './coordinate.js';
import { legendSvg } from './legendSvg.js';
import { statusPattern } from './statusPatterns.js';
import { WIDTH } from './statusTotalsSvg.js';

type CumulativeFlow = Extract<Chart, { kind: 'cumulative-flow' }>;

// Finished work at the bottom, open work above it, stopped work on top: the bands people compare.
const LAYERS: readonly Status[] = ['completed', 'ongoing', 'in-progress', 'planned', 'on-hold', 'cancelled'];
const LEFT = 44;
const RIGHT = 16;
const TOP = 32;
const PLOT = 200;
const HEIGHT = TOP + PLOT + 28;

/**
 * The plan over time: the count of activities in each status, stacked, as steps from one listed
 * day to the next (nothing changed in between), on a time axis from the first day to the last.
 * The y axis counts activities; the x axis names the first and last day and each new year between.
 */
export function cumulativeFlowSvg(chart: CumulativeFlow, labelledBy: string): string {
  const days = chart.days;
  const first = dayNumber(days[0]!.date);
  const last = dayNumber(days.at(-1)!.date);
  const plotWidth = WIDTH - LEFT - RIGHT;
  const x = (date: string) => (last === first ? LEFT : LEFT + ((dayNumber(date) - first) / (last - first)) * plotWidth);
  const totals = days.map((day) => LAYERS.reduce((sum, status) => sum + day.counts[status], 0));
  const top = niceCeiling(Math.max(1, ...totals));
  const y = (count: number) => TOP + PLOT - (count / top) * PLOT;
  // Where each day's counts begin and end along x: until the next day, the last one to the right edge.
  const spans = days.map((day, index) => [x(day.date), index + 1 < days.length ? x(days[index + 1]!.date) : LEFT + plotWidth] as const);
  if (days.length > 1) spans[spans.length - 1] = [LEFT + plotWidth, LEFT + plotWidth];

  const below = days.map(() => 0);
  const bands = LAYERS.flatMap((status) => {
    const above = days.map((day, index) => below[index]! + day.counts[status]);
    if (above.every((value, index) => value === below[index])) return [];
    const upper = spans.flatMap(([from, to], index) => [`${coordinate(from)} ${coordinate(y(above[index]!))}`, `${coordinate(to)} ${coordinate(y(above[index]!))}`]);
    // The lower edge, right to left, closes the band.
    const lower = spans.flatMap(([from, to], index) => [`${coordinate(from)} ${coordinate(y(below[index]!))}`, `${coordinate(to)} ${coordinate(y(below[index]!))}`]).reverse();
    const band = `<path d="M${withoutRepeats([...upper, ...lower]).join('L')}Z" fill="url(#${statusPattern(status)})" class="mark"><title>${status}</title></path>`;
    above.forEach((value, index) => (below[index] = value));
    return [band];
  });

  const ticks = yTicks(top).map(
    (count) => `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${coordinate(y(count))}" y2="${coordinate(y(count))}" class="grid"/><text x="${LEFT - 6}" y="${coordinate(y(count) + 4)}" text-anchor="end">${count}</text>`,
  );
  const dates = xLabels(days[0]!.date, days.at(-1)!.date).map(
    ({ date, label, anchor }) => `<text x="${coordinate(x(date))}" y="${TOP + PLOT + 18}" text-anchor="${anchor}">${label}</text>`,
  );
  return (
    `<svg role="img" aria-labelledby="${labelledBy}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" class="chart">` +
    `${legendSvg(0, 0)}${ticks.join('')}${bands.join('')}<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${TOP + PLOT}" y2="${TOP + PLOT}" class="axis"/>${dates.join('')}</svg>`
  );
}

// A point equal to the one before it adds nothing to a path.
function withoutRepeats(points: string[]): string[] {
  return points.filter((point, index) => point !== points[index - 1]);
}

/** Whole days since 1970-01-01 of a calendar date, free of time zones. */
function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

// The smallest of 1, 2, 5 × 10^n at or above `value`, so the axis ends on a round count.
function niceCeiling(value: number): number {
  for (let power = 1; ; power *= 10) {
    for (const step of [1, 2, 5]) if (step * power >= value) return step * power;
  }
}

// Four or five round steps from 0 to `top`.
function yTicks(top: number): number[] {
  const step = top <= 5 ? 1 : top / 5;
  const ticks: number[] = [];
  for (let count = 0; count <= top; count += step) ticks.push(count);
  return ticks;
}

// The first and last day, and 1 January of each year between when they are few enough to read.
function xLabels(first: string, last: string): { date: string; label: string; anchor: string }[] {
  const labels = [{ date: first, label: first, anchor: 'start' }];
  if (last === first) return labels;
  const from = Number(first.slice(0, 4)) + 1;
  const to = Number(last.slice(0, 4));
  const years = to - from + 1;
  const every = years > 8 ? Math.ceil(years / 8) : 1;
  for (let year = from; year <= to; year += every) {
    const date = `${year}-01-01`;
    // Keep clear of the end labels (about a tenth of the axis each).
    if (fraction(first, last, date) > 0.18 && fraction(first, last, date) < 0.82) labels.push({ date, label: String(year), anchor: 'middle' });
  }
  labels.push({ date: last, label: last, anchor: 'end' });
  return labels;
}

function fraction(first: string, last: string, date: string): number {
  return (dayNumber(date) - dayNumber(first)) / (dayNumber(last) - dayNumber(first));
}
