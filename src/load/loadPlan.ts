import { join, relative } from 'node:path';
import { namesOn, organisationIds, organisationNames } from '../domain/organisationNames.js';
import { areaValidator, planValidator } from '../generated/validators.js';
import type { Activity, Area, AreaOfCooperation, CooperationPlan, Finding, OrganisationRecord, OtherOrganisation, PartialPlan, Party, Plan } from '../model.js';
import { didYouMean } from '../text/closest.js';
import { appendFindings, fileLoader, type LoadedFile } from './fileLoader.js';
import type { ParsedYaml } from './parseYaml.js';
import { fsSource, type PlanSource } from './planSource.js';
import { areaRules, crossFileRules, planRules, type ActivityRef, type Known } from './rules.js';
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

/** What the workspace around a plan gives it: its id and the organisations its parties and `with` resolve through. */
export interface PlanContext {
  /** The plan's id: its folder's name. */
  id: string;
  /** The organisation files that parsed and matched their schema. */
  organisations: readonly OrganisationRecord[];
  /** Whether every organisation file was read: if not, an unknown organisation may stand in an unread one, so none is reported. */
  organisationsComplete: boolean;
  /** Each activity's id and related ids are handed over for the rules across plans. */
  refs?: ActivityRef[];
  /** The codes activities name, by organisation id, gathered for the workspace's unused-unit warning. */
  usedUnits?: Map<string, Set<string>>;
}

export interface LoadResult {
  /** The plan, when no finding is an error. */
  plan?: Plan;
  /** Every finding, errors and warnings, file by file in plan order. */
  findings: Finding[];
  /** The files checked, as findings name them, in plan order: plan.yaml, then each listed area's file. */
  files: string[];
  /** When there are errors: the files that parsed and matched their schema. */
  partial?: PartialPlan;
  /** plan.yaml as parsed (its data when it matched its schema), for the rules across plans to point into. */
  planFile?: { file: string; parsed: ParsedYaml; data?: CooperationPlan };
}

/** Reads and checks every file of the plan in `dir`, its parties resolved through the workspace's organisations; never throws for bad data. */
export function loadPlan(dir: string, options: LoadOptions, context: PlanContext): LoadResult {
  const findings: Finding[] = [];
  const files: string[] = [];
  const source = options.source ?? fsSource(dir);
  const report = (more: readonly Finding[]) => appendFindings(findings, more);
  const display = (name: string) => relative(options.cwd, join(dir, name)) || name;
  const load = fileLoader(source, display, findings, files);

  const planFile = load<CooperationPlan>('plan.yaml', planValidator as SchemaValidator);
  const meta = planFile.data;
  const byId = new Map<string, OrganisationRecord>();
  for (const organisation of context.organisations) for (const id of organisationIds(organisation)) if (!byId.has(id)) byId.set(id, organisation);

  const known: Known = {};
  let parties: Party[] | undefined;
  let others: OtherOrganisation[] = [];
  if (meta && planFile.parsed) {
    const holders = [...new Set([...meta.parties.map((party) => party.organisation), ...byId.keys()])];
    report(planRules(meta, planFile.parsed, planFile.file, { holders, checkHolders: context.organisationsComplete }));
    const resolved = resolveParties(meta, byId, planFile, context.organisationsComplete);
    report(resolved.findings);
    parties = resolved.parties;
    known.parties = new Set(meta.parties.map((party) => party.organisation));
    if (parties) known.units = new Map(parties.map((party) => [party.id, byId.get(party.id)!.units ?? []]));
    const partyOrganisations = new Set(meta.parties.map((party) => byId.get(party.organisation)));
    const other = context.organisations.filter((organisation) => !partyOrganisations.has(organisation));
    others = other.map(otherOrganisation);
    if (context.organisationsComplete) {
      known.organisations = new Set(other.flatMap(organisationNames).map((name) => name.toLowerCase()));
      known.organisationNames = other.map((organisation) => organisation.short_name);
    }
    if (meta.signing) known.signed = meta.signing.date;
  }

  const areaIds = meta?.areas ?? [];
  const { findings: fileFindings, present } = areaFileFindings(source, areaIds, planFile, display);
  report(fileFindings);

  const refs: ActivityRef[] = [];
  const areas: Area[] = [];
  const activities: Activity[] = [];
  const prefixes = new Map<string, string>();
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
    const read = activityRefs(parsed, file, context.id);
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
      if (context.usedUnits) {
        for (const [party, codes] of Object.entries(activity.units)) {
          const organisation = byId.get(party)?.id;
          if (organisation === undefined) continue;
          const used = context.usedUnits.get(organisation) ?? new Set<string>();
          for (const code of codes) used.add(code);
          context.usedUnits.set(organisation, used);
        }
      }
      if (!options.findingsOnly) {
        activities.push({
          ...activity,
          plan: context.id,
          // Keyed by party ids from the data: without a prototype, a party named "constructor" finds only its own units.
          units: Object.assign(Object.create(null) as Record<string, string[]>, activity.units),
          area: area.id,
          source: { file, line: parsed.locate(['activities', index, 'id']).line },
        });
      }
    });
  }
  report(crossFileRules(refs, { checkTargets: everyAreaRead && areaIds.every((id) => present.has(`${id}.yaml`)), plan: context.id }));
  if (context.refs) for (const ref of refs) context.refs.push(ref);

  const fileOrder = new Map([planFile.file, ...areaIds.map((id) => display(`${id}.yaml`))].map((file, index) => [file, index]));
  const rank = (finding: Finding) => fileOrder.get(finding.file) ?? fileOrder.size;
  findings.sort((a, b) => rank(a) - rank(b) || compareText(a.file, b.file) || a.line - b.line || a.column - b.column);

  const planYaml = planFile.parsed && { planFile: { file: planFile.file, parsed: planFile.parsed, ...(meta && { data: meta }) } };
  if (options.findingsOnly) return { findings, files, ...planYaml };
  const units = known.units && new Map([...known.units].map(([party, list]) => [party, [...list]]));
  if (findings.some((finding) => finding.severity === 'error') || !meta || !parties || !units) {
    return { findings, files, ...planYaml, partial: { id: context.id, dir, meta, parties: parties ?? [], organisations: others, units, areas, activities, unreadAreas } };
  }
  return { findings, files, ...planYaml, plan: { id: context.id, dir, meta, parties, organisations: others, units, areas, activities } };
}

// Each party through its organisation's file: the id as signed, the names it bore on the signing day.
function resolveParties(
  meta: CooperationPlan,
  byId: ReadonlyMap<string, OrganisationRecord>,
  planFile: LoadedFile<unknown>,
  complete: boolean,
): { parties?: Party[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const parties: Party[] = [];
  const seen = new Map<OrganisationRecord, number>();
  const at = (index: number) => ({ file: planFile.file, ...planFile.parsed!.locate(['parties', index, 'organisation']), path: toPointer(['parties', index, 'organisation']) });
  meta.parties.forEach((party, index) => {
    const organisation = byId.get(party.organisation);
    if (!organisation) {
      if (complete) {
        const message = `no organisation "${party.organisation}": each party needs a file organisations/<id>.yaml${didYouMeanOrganisation(party.organisation, byId)}`;
        findings.push({ ...at(index), rule: 'unknown-organisation', message, severity: 'error' });
      }
      return;
    }
    const earlier = seen.get(organisation);
    if (earlier !== undefined) {
      const message = `party ${index + 1} ("${party.organisation}") is the organisation "${organisation.id}", already party ${earlier + 1}`;
      findings.push({ ...at(index), rule: 'duplicate-party', message, severity: 'error' });
      return;
    }
    seen.set(organisation, index);
    const names = [...new Set(organisationNames(organisation).map((name) => name.toLowerCase()))];
    parties.push({ ...party, id: party.organisation, ...namesOn(organisation, meta.signing?.date, party.organisation), current: organisation.id, names });
  });
  return parties.length === meta.parties.length ? { parties, findings } : { findings };
}

function didYouMeanOrganisation(name: string, byId: ReadonlyMap<string, OrganisationRecord>): string {
  const known = [...byId.keys()];
  return didYouMean(name, known);
}

// As `with` shows and finds it: by its short name, with every other name it is known by.
function otherOrganisation(organisation: OrganisationRecord): OtherOrganisation {
  const aliases = organisationNames(organisation).filter((name) => name !== organisation.short_name);
  return {
    id: organisation.id,
    name: organisation.short_name,
    ...(organisation.name !== organisation.short_name && { full_name: organisation.name }),
    ...(aliases.length > 0 && { aliases: [...new Set(aliases)] }),
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
    if (!/\.ya?ml$/.test(name) || name === 'plan.yaml' || listed.has(name)) continue;
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
function activityRefs(parsed: ParsedYaml, file: string, plan: string): { refs: ActivityRef[]; complete: boolean } {
  const data = parsed.data as { activities?: unknown } | undefined;
  if (!data || typeof data !== 'object' || !Array.isArray(data.activities)) return { refs: [], complete: false };
  const refs: ActivityRef[] = [];
  let complete = true;
  data.activities.forEach((activity: unknown, index) => {
    const { id, related, continues } = (activity && typeof activity === 'object' ? activity : {}) as { id?: unknown; related?: unknown; continues?: unknown };
    // An activity without an id, or whose related ids cannot all be read, may be the other end of a link.
    const readable = related === undefined || (Array.isArray(related) && related.every((target) => typeof target === 'string'));
    if (!readable) complete = false;
    if (typeof id !== 'string') {
      complete = false;
      return;
    }
    const path = ['activities', index, 'id'];
    refs.push({
      plan,
      id,
      file,
      position: parsed.locate(path),
      path: toPointer(path),
      related: (Array.isArray(related) ? related : []).flatMap((target: unknown, i) => {
        if (typeof target !== 'string') return [];
        const relatedPath = ['activities', index, 'related', i];
        return [{ id: target, position: parsed.locate(relatedPath), path: toPointer(relatedPath) }];
      }),
      ...(typeof continues === 'string' && {
        continues: { id: continues, position: parsed.locate(['activities', index, 'continues']), path: toPointer(['activities', index, 'continues']) },
      }),
    });
  });
  return { refs, complete };
}

// By code unit, as the folder listing is sorted: localeCompare costs too much over a large number of findings.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
