/** A coordinate as SVG text: a tenth of a unit is finer than any screen or printer needs, and the bytes stay the same from run to run. */
export function coordinate(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}
