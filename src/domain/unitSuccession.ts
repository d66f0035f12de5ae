import type { Unit } from '../model.js';

/** The codes that took over a unit's work: its `replaced_by`, once it had ended by `day` (every recorded replacement without a day). */
export function replacedBy(unit: Unit, day?: string): readonly string[] {
  if (!unit.replaced_by?.length || unit.until === undefined) return [];
  return day === undefined || unit.until < day ? unit.replaced_by : [];
}

/** `codes` and every code of `units` their work passed to, through replaced_by, by `day`. */
export function successorCodes(units: readonly Unit[], codes: Iterable<string>, day?: string): Set<string> {
  const found = new Set(codes);
  const byCode = new Map(units.map((unit) => [unit.code, unit]));
  for (const code of found) {
    const unit = byCode.get(code);
    // A Set visits what is added while it is iterated: the walk follows every chain to its end, each code once.
    if (unit) for (const next of replacedBy(unit, day)) found.add(next);
  }
  return found;
}

/** The units that carry `code`'s work on `day`: itself, or the ends of its replacement chains. */
export function currentCodes(units: readonly Unit[], code: string, day: string): string[] {
  const byCode = new Map(units.map((unit) => [unit.code, unit]));
  return [...successorCodes(units, [code], day)].filter((candidate) => {
    const unit = byCode.get(candidate);
    return unit === undefined || replacedBy(unit, day).length === 0;
  });
}
