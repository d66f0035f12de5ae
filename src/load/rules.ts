import { didYouMean } from '../text/closest.js';
import { isCalendarDate } from '../text/isCalendarDate.js';
import type { AreaOfCooperation, CooperationPlan, Finding, Organisation, Severity, Unit } from '../model.js';
import type { ParsedYaml, Position } from './parseYaml.js';
import { RULES, type RuleId } from '../ruleRegistry.js';
import { toPointer } from './schemaFindings.js';

// The rules beyond the schema. Each takes data that passed its schema, so shapes are as declared.

/** What plan.yaml and the organisation files declare, for checking the names area files use. */
export interface Known {
  /** Party ids as signed, when plan.yaml is valid. */
  parties?: ReadonlySet<string>;
  /** Each party's units, when its organisation file is valid. */
  units?: ReadonlyMap<string, readonly Unit[]>;
  /** The signing day: a unit a plan names must have existed then. */
  signed?: string;
  /** Organisation ids, names and aliases, lower-cased, when plan.yaml is valid. */
  organisations?: ReadonlySet<string>;
  organisationNames?: readonly string[];
}

/** Where one activity's id and related ids stand, for the rules that span files. */
export interface ActivityRef {
  /** The plan the activity belongs to. */
  plan: string;
  id: string;
  file: string;
  position: Position;
  path: string;
  related: { id: string; position: Position; path: string }[];
  continues?: { id: string; position: Position; path: string };
}

/** A file's findings are built with its name and locator at hand. */
export class Reporter {
  readonly findings: Finding[] = [];
  constructor(
    readonly file: string,
    readonly parsed: ParsedYaml,
  ) {}

  /** A finding of `rule` at `path`, with the rule's own severity unless given. */
  report(path: (string | number)[], rule: RuleId, message: string, options: { at?: 'key' | 'value'; severity?: Severity } = {}): void {
    this.findings.push({
      file: this.file,
      ...this.parsed.locate(path, options.at),
      rule,
      message,
      path: toPointer(path),
      severity: options.severity ?? RULES[rule].severity,
    });
  }
}

/** plan.yaml: real dates, copies held by someone known. */
export function planRules(plan: CooperationPlan, parsed: ParsedYaml, file: string, context: { holders: readonly string[]; checkHolders: boolean }): Finding[] {
  const out = new Reporter(file, parsed);
  if (plan.legal_basis) {
    checkDate(out, plan.legal_basis.date, () => ['legal_basis', 'date']);
    if (plan.legal_basis.replaced_by) checkDate(out, plan.legal_basis.replaced_by.date, () => ['legal_basis', 'replaced_by', 'date']);
  }
  if (plan.period?.from !== undefined) checkDate(out, plan.period.from, () => ['period', 'from']);
  if (plan.period?.until !== undefined) checkDate(out, plan.period.until, () => ['period', 'until']);
  if (plan.signing) {
    checkDate(out, plan.signing.date, () => ['signing', 'date']);
    if (context.checkHolders) {
      plan.signing.copies?.forEach((holder, index) => {
        if (!context.holders.includes(holder)) {
          out.report(['signing', 'copies', index], 'unknown-organisation', `no party or organisation "${holder}"${didYouMean(holder, context.holders)}`);
        }
      });
    }
  }
  return out.findings;
}

/** An organisation file: named after its id, each unit code once, successors that exist and do not loop. */
export function organisationRules(organisation: Organisation, parsed: ParsedYaml, file: string, fileId: string): Finding[] {
  const out = new Reporter(file, parsed);
  if (organisation.id !== fileId) {
    out.report(['id'], 'organisation-id-mismatch', `organisation id "${organisation.id}" does not match the file name (expected "${fileId}")`);
  }
  organisation.former_names?.forEach((former, index) => checkDate(out, former.until, () => ['former_names', index, 'until']));
  const units = organisation.units ?? [];
  const first = new Map<string, number>();
  units.forEach((unit, index) => {
    const code = unit.code.toLowerCase();
    const earlier = first.get(code);
    if (earlier !== undefined) {
      const line = parsed.locate(['units', earlier, 'code']).line;
      out.report(['units', index, 'code'], 'duplicate-unit', `${organisation.id} defines unit "${unit.code}" twice (first at line ${line})`);
    } else first.set(code, index);
    if (unit.from !== undefined) checkDate(out, unit.from, () => ['units', index, 'from']);
    if (unit.until !== undefined) checkDate(out, unit.until, () => ['units', index, 'until']);
  });
  const byCode = new Map(units.map((unit) => [unit.code, unit]));
  units.forEach((unit, index) => {
    unit.replaced_by?.forEach((code, codeIndex) => {
      if (!byCode.has(code)) {
        out.report(['units', index, 'replaced_by', codeIndex], 'unknown-unit', `${organisation.id} has no unit "${code}" to replace ${unit.code}${didYouMean(code, byCode.keys())}`);
      } else if (leadsBackTo(unit.code, code, byCode)) {
        out.report(['units', index, 'replaced_by', codeIndex], 'replacement-loop', `${unit.code} is replaced by ${code}, which leads back to ${unit.code}`);
      }
    });
    if (unit.replaced_by && unit.until === undefined) {
      out.report(['units', index, 'replaced_by'], 'replaced-without-end', `${unit.code} names its successors but no last day: add until: YYYY-MM-DD`);
    }
  });
  return out.findings;
}

// Whether following replaced_by from `next` reaches `start` again.
function leadsBackTo(start: string, next: string, byCode: ReadonlyMap<string, Unit>): boolean {
  const seen = new Set<string>();
  const queue = [next];
  while (queue.length > 0) {
    const code = queue.pop()!;
    if (code === start) return true;
    if (seen.has(code)) continue;
    seen.add(code);
    queue.push(...(byCode.get(code)?.replaced_by ?? []));
  }
  return false;
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
          return;
        }
        const message = known.signed === undefined ? undefined : notCurrentOn(known.units!.get(party)!.find((unit) => unit.code === code)!, known.signed);
        if (message) out.report(at('units', party, codeIndex), 'unit-not-current', `${party} unit "${code}" ${message}`);
      });
    }
    if (known.organisations) {
      activity.with?.forEach((name, withIndex) => {
        if (!known.organisations!.has(name.toLowerCase())) {
          out.report(at('with', withIndex), 'unknown-organisation', `no organisation "${name}" in organisations/${didYouMean(name, known.organisationNames ?? [])}`);
        }
      });
    }
    checkHistory(out, activity.history, activity.status, at, today);
  });
  return out.findings;
}

// Why a unit could not be named by a plan signed on `date`, if it could not.
function notCurrentOn(unit: Unit, date: string): string | undefined {
  if (unit.from !== undefined && unit.from > date) return `was set up on ${unit.from}, after the plan was signed on ${date}`;
  if (unit.until === undefined || unit.until >= date) return undefined;
  const successors = unit.replaced_by?.length ? `; its work passed to ${unit.replaced_by.join(', ')}` : '';
  return `ended on ${unit.until}, before the plan was signed on ${date}${successors}`;
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
export function crossFileRules(refs: readonly ActivityRef[], options: { checkTargets: boolean; plan: string }): Finding[] {
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
      // Another plan's activities are checked across the workspace (workspaceRules).
      const qualified = related.id.indexOf('/');
      if (qualified !== -1 && related.id.slice(0, qualified) !== options.plan) continue;
      const target = first.get(related.id.slice(qualified + 1));
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
