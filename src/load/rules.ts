import { didYouMean } from '../domain/closest.js';
import { isCalendarDate } from '../domain/isCalendarDate.js';
import type { AreaOfCooperation, CooperationPlan, Finding, Severity, Unit } from '../model.js';
import type { ParsedYaml, Position } from './parseYaml.js';
import { toPointer } from './schemaFindings.js';

// The rules beyond the schema. Each takes data that passed its schema, so shapes are as declared.

/** What plan.yaml and units.yaml declare, for checking the names area files use. */
export interface Known {
  /** Party ids, when plan.yaml is valid. */
  parties?: ReadonlySet<string>;
  /** Each party's unit codes, when units.yaml is valid. */
  units?: ReadonlyMap<string, readonly Unit[]>;
  /** Organisation ids, names and aliases, lower-cased, when plan.yaml is valid. */
  organisations?: ReadonlySet<string>;
  organisationNames?: readonly string[];
}

/** Where one activity's id and related ids stand, for the rules that span files. */
export interface ActivityRef {
  id: string;
  file: string;
  position: Position;
  path: string;
  related: { id: string; position: Position; path: string }[];
}

/** A file's findings are built with its name and locator at hand. */
class Reporter {
  readonly findings: Finding[] = [];
  constructor(
    readonly file: string,
    readonly parsed: ParsedYaml,
  ) {}

  report(path: (string | number)[], rule: string, message: string, options: { at?: 'key' | 'value'; severity?: Severity } = {}): void {
    this.findings.push({
      file: this.file,
      ...this.parsed.locate(path, options.at),
      rule,
      message,
      path: toPointer(path),
      severity: options.severity ?? 'error',
    });
  }
}

/** plan.yaml: ids declared once, real dates, copies held by someone declared. */
export function planRules(plan: CooperationPlan, parsed: ParsedYaml, file: string): Finding[] {
  const out = new Reporter(file, parsed);
  reportDuplicates(out, plan.parties.map((party) => party.id), ['parties'], 'duplicate-party', (id) => `party "${id}" is declared twice`);
  const organisations = plan.organisations ?? [];
  reportDuplicates(out, organisations.map((o) => o.id), ['organisations'], 'duplicate-organisation', (id) => `organisation "${id}" is declared twice`);
  if (plan.legal_basis) checkDate(out, plan.legal_basis.date, () => ['legal_basis', 'date']);
  if (plan.signing) {
    checkDate(out, plan.signing.date, () => ['signing', 'date']);
    const holders = [...plan.parties.map((p) => p.id), ...organisations.map((o) => o.id)];
    plan.signing.copies?.forEach((holder, index) => {
      if (!holders.includes(holder)) {
        out.report(['signing', 'copies', index], 'unknown-organisation', `no party or organisation "${holder}"${didYouMean(holder, holders)}`);
      }
    });
  }
  return out.findings;
}

function reportDuplicates(out: Reporter, ids: string[], path: string[], rule: string, message: (id: string) => string): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) out.report([...path, index, 'id'], rule, message(id));
    seen.add(id);
  });
}

/** units.yaml: every party declared in plan.yaml, every code once per party. */
export function unitsRules(units: Record<string, Unit[]>, parsed: ParsedYaml, file: string, known: Known): Finding[] {
  const out = new Reporter(file, parsed);
  for (const [party, list] of Object.entries(units)) {
    if (known.parties && !known.parties.has(party)) {
      out.report(['units', party], 'unknown-party', `no party "${party}" in plan.yaml${didYouMean(party, known.parties)}`, { at: 'key' });
    }
    const seen = new Set<string>();
    list.forEach((unit, index) => {
      const code = unit.code.toLowerCase();
      if (seen.has(code)) out.report(['units', party, index, 'code'], 'duplicate-unit', `${party} defines unit "${unit.code}" twice`);
      seen.add(code);
    });
  }
  return out.findings;
}

/** An area file: named after its area, ids with its prefix, names that exist, a history that adds up. */
export function areaRules(
  area: AreaOfCooperation,
  parsed: ParsedYaml,
  file: string,
  context: { fileAreaId: string; known: Known; today: string },
): Finding[] {
  const out = new Reporter(file, parsed);
  const { known, today } = context;
  // Each party's unit codes, gathered once per file rather than once per activity.
  const codes = new Map<string, string[]>();
  const codesOf = (party: string) => codes.get(party) ?? codes.set(party, (known.units?.get(party) ?? []).map((unit) => unit.code)).get(party)!;
  if (area.id !== context.fileAreaId) {
    out.report(['id'], 'area-id-mismatch', `area id "${area.id}" does not match the file name (expected "${context.fileAreaId}")`);
  }
  area.activities.forEach((activity, index) => {
    const at = (...rest: (string | number)[]) => ['activities', index, ...rest];
    const prefix = activity.id.slice(0, activity.id.lastIndexOf('-'));
    if (prefix !== area.prefix) {
      out.report(at('id'), 'id-prefix-mismatch', `activity id "${activity.id}" does not start with the area's prefix "${area.prefix}-"`);
    }
    for (const [party, unitCodes] of Object.entries(activity.units)) {
      if (known.parties && !known.parties.has(party)) {
        out.report(at('units', party), 'unknown-party', `no party "${party}" in plan.yaml${didYouMean(party, known.parties)}`, { at: 'key' });
        continue;
      }
      if (!known.units) continue;
      const defined = codesOf(party);
      unitCodes.forEach((code, codeIndex) => {
        if (!defined.includes(code)) {
          out.report(at('units', party, codeIndex), 'unknown-unit', `${party} has no unit "${code}"${didYouMean(code, defined)}`);
        }
      });
    }
    if (known.organisations) {
      activity.with?.forEach((name, withIndex) => {
        if (!known.organisations!.has(name.toLowerCase())) {
          out.report(at('with', withIndex), 'unknown-organisation', `no organisation "${name}" in plan.yaml${didYouMean(name, known.organisationNames ?? [])}`);
        }
      });
    }
    checkHistory(out, activity.history, activity.status, at, today);
  });
  return out.findings;
}

function checkHistory(
  out: Reporter,
  history: AreaOfCooperation['activities'][number]['history'],
  status: string,
  at: (...rest: (string | number)[]) => (string | number)[],
  today: string,
): void {
  let previous: string | undefined;
  history.forEach((entry, index) => {
    const path = () => at('history', index, 'date');
    const valid = checkDate(out, entry.date, path);
    if (valid && entry.date > today) {
      out.report(path(), 'history-future', `history date ${entry.date} is in the future (today is ${today})`);
    }
    if (valid && previous !== undefined && entry.date < previous) {
      out.report(path(), 'history-order', `history entry ${index + 1} (${entry.date}) is older than the entry before it (${previous}); oldest first`);
    }
    if (valid) previous = entry.date;
  });
  const last = history.at(-1);
  if (last && last.status !== status) {
    out.report(at('status'), 'history-status', `status is "${status}" but the last history entry (${last.date}) says "${last.status}"`);
  }
}

// The schema checks the shape YYYY-MM-DD; this rejects days the calendar lacks, such as 2019-02-30.
// The path is built only for a finding: a plan has a date in every history entry.
function checkDate(out: Reporter, date: string, path: () => (string | number)[]): boolean {
  if (isCalendarDate(date)) return true;
  out.report(path(), 'invalid-date', `${date} is not a calendar date`);
  return false;
}

/** Across area files: ids used once, related ids that exist and point back. */
export function crossFileRules(refs: readonly ActivityRef[], options: { checkTargets: boolean }): Finding[] {
  const findings: Finding[] = [];
  const first = new Map<string, ActivityRef>();
  for (const ref of refs) {
    const earlier = first.get(ref.id);
    if (earlier) {
      findings.push({
        file: ref.file,
        ...ref.position,
        rule: 'duplicate-id',
        message: `activity id "${ref.id}" is already used at ${earlier.file}:${earlier.position.line}:${earlier.position.column}`,
        path: ref.path,
        severity: 'error',
      });
    } else {
      first.set(ref.id, ref);
    }
  }
  // With an area file unread, a missing target may stand in it: better silent than wrong.
  if (!options.checkTargets) return findings;
  const linked = new Map(refs.map((ref) => [ref, new Set(ref.related.map((related) => related.id))]));
  for (const ref of refs) {
    for (const related of ref.related) {
      const target = first.get(related.id);
      const base = { file: ref.file, ...related.position, path: related.path };
      if (!target) {
        findings.push({ ...base, rule: 'unknown-related', message: `related activity "${related.id}" does not exist${didYouMean(related.id, first.keys())}`, severity: 'error' });
      } else if (target.id === ref.id) {
        findings.push({ ...base, rule: 'unknown-related', message: `activity "${ref.id}" lists itself as related`, severity: 'error' });
      } else if (!linked.get(target)!.has(ref.id)) {
        findings.push({ ...base, rule: 'related-one-way', message: `${ref.id} lists ${related.id} as related, but ${related.id} does not list ${ref.id}`, severity: 'warning' });
      }
    }
  }
  return findings;
}

/** Units that no activity names: a warning, since a unit may be declared before its first activity. */
export function unusedUnitFindings(
  units: Record<string, Unit[]>,
  used: ReadonlyMap<string, ReadonlySet<string>>,
  parsed: ParsedYaml,
  file: string,
): Finding[] {
  const out = new Reporter(file, parsed);
  for (const [party, list] of Object.entries(units)) {
    list.forEach((unit, index) => {
      if (!used.get(party)?.has(unit.code)) {
        out.report(['units', party, index, 'code'], 'unused-unit', `${party} unit "${unit.code}" carries no activity`, { severity: 'warning' });
      }
    });
  }
  return out.findings;
}
