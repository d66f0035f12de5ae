import { join, relative } from 'node:path';
import { areaValidator, planValidator, unitsValidator } from '../generated/validators.js';
import type { Activity, Area, AreaOfCooperation, CooperationPlan, Finding, PartialPlan, Plan, Unit } from '../model.js';
import { parseChecked } from './parseChecked.js';
import type { ParsedYaml } from './parseYaml.js';
import { fsSource, type PlanSource } from './planSource.js';
import { readSource } from './readSource.js';
import { areaRules, crossFileRules, planRules, unitsRules, unusedUnitFindings, type ActivityRef, type Known } from './rules.js';
import { toPointer, type SchemaValidator } from './schemaFindings.js';

export interface LoadOptions {
  /** Paths in findings and sources are relative to this folder. */
  cwd: string;
  /** The local date, YYYY-MM-DD: history may not be later. */
  today: string;
  /** Where the files are read from; the folder `dir` on disk unless given. */
  source?: PlanSource;
  /** Only the findings are wanted (validate): no plan is built, so no file's data outlives its checks. */
  findingsOnly?: boolean;
}

export interface LoadResult {
  /** The plan, when no finding is an error. */
  plan?: Plan;
  /** Every finding, errors and warnings, file by file in plan order. */
  findings: Finding[];
  /** The files checked, as findings name them, in plan order: plan.yaml, units.yaml, then each listed area's file. */
  files: string[];
  /** When there are errors: the files that parsed and matched their schema. */
  partial?: PartialPlan;
}

interface LoadedFile<T> {
  file: string;
  parsed?: ParsedYaml;
  /** The data, when it parsed and matched its schema. */
  data?: T;
}

/** Reads and checks every file of the plan in `dir`; never throws for bad data. */
export function loadPlan(dir: string, options: LoadOptions): LoadResult {
  const findings: Finding[] = [];
  const files: string[] = [];
  const source = options.source ?? fsSource(dir);
  // A broken file can give hundreds of thousands of findings: too many to spread into push's arguments.
  const report = (more: readonly Finding[]) => {
    for (const finding of more) findings.push(finding);
  };
  const display = (name: string) => relative(options.cwd, join(dir, name)) || name;
  const load = <T>(name: string, validator: SchemaValidator): LoadedFile<T> => {
    const file = display(name);
    files.push(file);
    const read = readSource(name, file, (path) => source.read(path));
    if ('finding' in read) {
      findings.push(read.finding);
      return { file };
    }
    const { parsed, findings: found, valid } = parseChecked(read.text, file, validator);
    report(found);
    return valid ? { file, parsed, data: parsed.data as T } : { file, parsed };
  };

  const planFile = load<CooperationPlan>('plan.yaml', planValidator as SchemaValidator);
  const meta = planFile.data;
  if (meta && planFile.parsed) report(planRules(meta, planFile.parsed, planFile.file));

  const known: Known = {};
  if (meta) {
    known.parties = new Set(meta.parties.map((party) => party.id));
    const names = (meta.organisations ?? []).flatMap((o) => [o.id, o.name, ...(o.aliases ?? [])]);
    known.organisations = new Set(names.map((name) => name.toLowerCase()));
    known.organisationNames = (meta.organisations ?? []).map((o) => o.name);
  }

  const unitsFile = load<{ units: Record<string, Unit[]> }>('units.yaml', unitsValidator as SchemaValidator);
  if (unitsFile.data && unitsFile.parsed) {
    report(unitsRules(unitsFile.data.units, unitsFile.parsed, unitsFile.file, known));
    known.units = new Map(Object.entries(unitsFile.data.units));
  }

  const areaIds = meta?.areas ?? [];
  const { findings: fileFindings, present } = areaFileFindings(source, areaIds, planFile, display);
  report(fileFindings);

  const refs: ActivityRef[] = [];
  const areas: Area[] = [];
  const activities: Activity[] = [];
  const prefixes = new Map<string, string>();
  const usedUnits = new Map<string, Set<string>>();
  let everyAreaRead = true;
  const unreadAreas: string[] = [];
  for (const areaId of areaIds) {
    if (!present.has(`${areaId}.yaml`)) {
      unreadAreas.push(areaId);
      continue;
    }
    const areaFile = load<AreaOfCooperation>(`${areaId}.yaml`, areaValidator as SchemaValidator);
    const { file, parsed } = areaFile;
    if (!areaFile.data) unreadAreas.push(areaId);
    if (!parsed) {
      everyAreaRead = false;
      continue;
    }
    const read = activityRefs(parsed, file);
    everyAreaRead &&= read.complete;
    for (const ref of read.refs) refs.push(ref);
    const area = areaFile.data;
    if (!area) continue;
    report(areaRules(area, parsed, file, { fileAreaId: areaId, known, today: options.today }));
    const owner = prefixes.get(area.prefix);
    if (owner !== undefined) {
      findings.push({
        file,
        ...parsed.locate(['prefix']),
        rule: 'duplicate-prefix',
        message: `prefix "${area.prefix}" is already the prefix of area "${owner}"`,
        path: '/prefix',
        severity: 'error',
      });
    } else {
      prefixes.set(area.prefix, area.id);
    }
    if (!options.findingsOnly) areas.push({ id: area.id, title: area.title, prefix: area.prefix, file });
    area.activities.forEach((activity, index) => {
      for (const [party, codes] of Object.entries(activity.units)) {
        const used = usedUnits.get(party) ?? new Set<string>();
        for (const code of codes) used.add(code);
        usedUnits.set(party, used);
      }
      if (!options.findingsOnly) {
        activities.push({
          ...activity,
          // Keyed by party ids from the data: without a prototype, a party named "constructor" finds only its own units.
          units: Object.assign(Object.create(null) as Record<string, string[]>, activity.units),
          area: area.id,
          source: { file, line: parsed.locate(['activities', index, 'id']).line },
        });
      }
    });
  }
  report(crossFileRules(refs, { checkTargets: everyAreaRead && areaIds.every((id) => present.has(`${id}.yaml`)) }));
  // Which units are unused is only known once every area is read without error.
  if (unitsFile.data && unitsFile.parsed && meta && !findings.some((finding) => finding.severity === 'error')) {
    report(unusedUnitFindings(unitsFile.data.units, usedUnits, unitsFile.parsed, unitsFile.file));
  }

  const fileOrder = new Map([planFile.file, unitsFile.file, ...areaIds.map((id) => display(`${id}.yaml`))].map((file, index) => [file, index]));
  const rank = (finding: Finding) => fileOrder.get(finding.file) ?? fileOrder.size;
  findings.sort((a, b) => rank(a) - rank(b) || compareText(a.file, b.file) || a.line - b.line || a.column - b.column);

  if (options.findingsOnly) return { findings, files };
  const units = unitsFile.data && new Map(Object.entries(unitsFile.data.units));
  if (findings.some((finding) => finding.severity === 'error') || !meta || !units) {
    const parties = meta?.parties ?? [];
    return { findings, files, partial: { dir, meta, parties, organisations: meta?.organisations ?? [], units, areas, activities, unreadAreas } };
  }
  return {
    findings,
    files,
    plan: {
      dir,
      meta,
      parties: meta.parties,
      organisations: meta.organisations ?? [],
      units,
      areas,
      activities,
    },
  };
}

// Area files plan.yaml lists that do not exist, and YAML files in the folder it does not list.
function areaFileFindings(
  source: PlanSource,
  areaIds: readonly string[],
  planFile: LoadedFile<unknown>,
  display: (name: string) => string,
): { findings: Finding[]; present: Set<string> } {
  const findings: Finding[] = [];
  const names = source.list();
  const present = new Set(names);
  areaIds.forEach((id, index) => {
    if (!present.has(`${id}.yaml`) && planFile.parsed) {
      findings.push({
        file: planFile.file,
        ...planFile.parsed.locate(['areas', index]),
        rule: 'missing-area-file',
        message: `area "${id}" has no file ${display(`${id}.yaml`)}`,
        path: toPointer(['areas', index]),
        severity: 'error',
      });
    }
  });
  if (!planFile.data) return { findings, present };
  const listed = new Set(areaIds.map((id) => `${id}.yaml`));
  for (const name of names.sort()) {
    if (!/\.ya?ml$/.test(name) || name === 'plan.yaml' || name === 'units.yaml' || listed.has(name)) continue;
    findings.push({
      file: display(name),
      line: 1,
      column: 1,
      rule: 'unlisted-area-file',
      message: `${name} is not listed under areas in plan.yaml (an area file is named <area-id>.yaml)`,
      path: '',
      severity: 'error',
    });
  }
  return { findings, present };
}

// Ids and related ids of every activity that has them, even in a file that fails its schema,
// so one broken file does not make every reference to it look unknown. Complete when every id and related id is read.
function activityRefs(parsed: ParsedYaml, file: string): { refs: ActivityRef[]; complete: boolean } {
  const data = parsed.data as { activities?: unknown } | undefined;
  if (!data || typeof data !== 'object' || !Array.isArray(data.activities)) return { refs: [], complete: false };
  const refs: ActivityRef[] = [];
  let complete = true;
  data.activities.forEach((activity: unknown, index) => {
    const { id, related } = (activity && typeof activity === 'object' ? activity : {}) as { id?: unknown; related?: unknown };
    // An activity without an id, or whose related ids cannot all be read, may be the other end of a link.
    const readable = related === undefined || (Array.isArray(related) && related.every((target) => typeof target === 'string'));
    if (!readable) complete = false;
    if (typeof id !== 'string') {
      complete = false;
      return;
    }
    const path = ['activities', index, 'id'];
    refs.push({
      id,
      file,
      position: parsed.locate(path),
      path: toPointer(path),
      related: (Array.isArray(related) ? related : []).flatMap((target: unknown, i) => {
        if (typeof target !== 'string') return [];
        const relatedPath = ['activities', index, 'related', i];
        return [{ id: target, position: parsed.locate(relatedPath), path: toPointer(relatedPath) }];
      }),
    });
  });
  return { refs, complete };
}

// By code unit, as the folder listing is sorted: localeCompare costs too much over a large number of findings.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
