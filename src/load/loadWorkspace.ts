import { join, relative } from 'node:path';
import { didYouMean } from '../text/closest.js';
import { dayIn, isTimeZone } from '../domain/dayIn.js';
import { organisationIds } from '../domain/organisationNames.js';
import { successorCodes } from '../domain/unitSuccession.js';
import { organisationValidator, workspaceValidator } from '../generated/validators.js';
import type { Finding, Organisation, OrganisationRecord, PartialPlan, Plan, Workspace, WorkspaceData } from '../model.js';
import { loadPlan, type LoadOptions } from './loadPlan.js';
import { appendFindings, fileLoader, type LoadFile } from './fileLoader.js';
import type { ParsedYaml } from './parseYaml.js';
import { fsSource, subSource, type PlanSource } from './planSource.js';
import { organisationRules, Reporter, type ActivityRef } from './rules.js';
import type { SchemaValidator } from './schemaFindings.js';

/** The folder of organisation files, beside workspace.yaml. */
export const ORGANISATIONS_FOLDER = 'organisations';

export interface WorkspaceLoadOptions extends Omit<LoadOptions, 'today'> {
  /** The moment "today" is taken from, as a day in the workspace's time zone. */
  now: Date;
}

/** What could be read of a workspace with errors, for a command that works with what it can (plan diff). */
export interface PartialWorkspace {
  root: string;
  timezone: string;
  organisations: OrganisationRecord[];
  plans: PartialPlan[];
}

export interface WorkspaceLoadResult {
  /** The workspace, when no finding is an error. */
  workspace?: Workspace;
  /** Every finding, errors and warnings: workspace.yaml, the organisation files, then each plan in order. */
  findings: Finding[];
  /** The files checked, as findings name them, in that order. */
  files: string[];
  /** "Today" in the workspace's time zone: the day every date rule used. */
  today: string;
  /** When there are errors: what could be read. */
  partial?: PartialWorkspace;
}

/** Reads and checks the whole workspace in `root`: workspace.yaml, every organisation and every plan; never throws for bad data. */
export function loadWorkspace(root: string, options: WorkspaceLoadOptions): WorkspaceLoadResult {
  const source = options.source ?? fsSource(root);
  const findings: Finding[] = [];
  const files: string[] = [];
  const report = (more: readonly Finding[]) => appendFindings(findings, more);
  const display = (name: string) => relative(options.cwd, join(root, name)) || name;
  const load = fileLoader(source, display, findings, files);

  const workspaceFile = load<WorkspaceData>('workspace.yaml', workspaceValidator as SchemaValidator);
  const settings = workspaceFile.data;
  let timezone = settings?.timezone ?? 'UTC';
  if (settings?.timezone !== undefined && !isTimeZone(settings.timezone)) {
    const out = new Reporter(workspaceFile.file, workspaceFile.parsed!);
    out.report(['timezone'], 'unknown-timezone', `"${settings.timezone}" is not an IANA time zone (e.g. Europe/Warsaw, UTC)`);
    report(out.findings);
    timezone = 'UTC';
  }
  const today = dayIn(options.now, timezone);

  const { organisations, complete, parsedFiles } = loadOrganisations(source, load, report);

  const entries = source.list();
  const folders = entries.filter((name) => name !== ORGANISATIONS_FOLDER && !name.startsWith('.') && source.list(name).includes('plan.yaml'));
  const listed = settings?.plans ?? [];
  if (workspaceFile.parsed && settings) {
    const out = new Reporter(workspaceFile.file, workspaceFile.parsed);
    listed.forEach((id, index) => {
      if (!folders.includes(id)) out.report(['plans', index], 'missing-plan-folder', `plan "${id}" has no folder ${display(id)}/ holding a plan.yaml${didYouMean(id, folders)}`);
    });
    report(out.findings);
    for (const folder of folders.sort()) {
      if (listed.includes(folder)) continue;
      const message = `plan folder ${folder}/ is not listed under plans in workspace.yaml: add "- ${folder}" there`;
      findings.push({ file: display(`${folder}/plan.yaml`), line: 1, column: 1, rule: 'unlisted-plan-folder', message, path: '', severity: 'error' });
    }
    for (const name of entries.sort()) {
      if (!/\.ya?ml$/.test(name) || name === 'workspace.yaml') continue;
      const hint = name === 'plan.yaml' || name === 'units.yaml' ? ': each plan lives in a folder of its own, its units in organisations/<id>.yaml' : '';
      findings.push({ file: display(name), line: 1, column: 1, rule: 'unlisted-file', message: `${name} is not a file of the workspace${hint}`, path: '', severity: 'error' });
    }
  }

  const refs: ActivityRef[] = [];
  const usedUnits = new Map<string, Set<string>>();
  const plans: Plan[] = [];
  const partialPlans: PartialPlan[] = [];
  const planFiles = new Map<string, { file: string; parsed: ParsedYaml; supersedes?: string }>();
  // Party ids from every plan.yaml, also when only findings are wanted and no plan is built (validate).
  const partyIds = new Set<string>();
  for (const id of listed) {
    if (!folders.includes(id)) continue;
    const loaded = loadPlan(join(root, id), { ...options, today, source: subSource(source, id) }, { id, organisations, organisationsComplete: complete, refs, usedUnits });
    report(loaded.findings);
    for (const file of loaded.files) files.push(file);
    if (loaded.planFile) {
      const { file, parsed, data } = loaded.planFile;
      planFiles.set(id, { file, parsed, ...(data?.supersedes !== undefined && { supersedes: data.supersedes }) });
      for (const party of data?.parties ?? []) partyIds.add(party.organisation);
    }
    if (loaded.plan) {
      plans.push(loaded.plan);
      partialPlans.push({ ...loaded.plan, unreadAreas: [] });
    } else if (loaded.partial) partialPlans.push(loaded.partial);
  }
  report(supersedesFindings(planFiles));
  report(acrossPlansFindings(refs, planFiles));
  if (!findings.some((finding) => finding.severity === 'error')) report(unusedUnits(organisations, usedUnits, partyIds, parsedFiles));

  if (options.findingsOnly) return { findings, files, today };
  const hasErrors = findings.some((finding) => finding.severity === 'error');
  if (hasErrors || !settings) return { findings, files, today, partial: { root, timezone, organisations, plans: partialPlans } };
  return { findings, files, today, workspace: { root, timezone, organisations, plans } };
}

// Every organisation file, each checked alone, then the ids across them: current and former ids name one organisation each.
function loadOrganisations(
  source: PlanSource,
  load: LoadFile,
  report: (findings: readonly Finding[]) => void,
): { organisations: OrganisationRecord[]; complete: boolean; parsedFiles: Map<OrganisationRecord, ParsedYaml> } {
  const organisations: OrganisationRecord[] = [];
  const parsedFiles = new Map<OrganisationRecord, ParsedYaml>();
  let complete = true;
  for (const name of source.list(ORGANISATIONS_FOLDER).sort()) {
    if (!/\.ya?ml$/.test(name)) continue;
    const loaded = load<Organisation>(`${ORGANISATIONS_FOLDER}/${name}`, organisationValidator as SchemaValidator);
    if (!loaded.data || !loaded.parsed) {
      complete = false;
      continue;
    }
    report(organisationRules(loaded.data, loaded.parsed, loaded.file, name.replace(/\.ya?ml$/, '')));
    const record = { ...loaded.data, file: loaded.file };
    organisations.push(record);
    parsedFiles.set(record, loaded.parsed);
  }
  const owner = new Map<string, OrganisationRecord>();
  for (const organisation of organisations) {
    const out = new Reporter(organisation.file, parsedFiles.get(organisation)!);
    const ids: [string, (string | number)[]][] = [[organisation.id, ['id']]];
    organisation.former_names?.forEach((former, index) => {
      if (former.id !== undefined) ids.push([former.id, ['former_names', index, 'id']]);
    });
    for (const [id, path] of ids) {
      const earlier = owner.get(id);
      if (!earlier) owner.set(id, organisation);
      else if (earlier !== organisation) out.report(path, 'duplicate-organisation', `organisation id "${id}" is already used by ${earlier.file}`);
    }
    report(out.findings);
  }
  return { organisations, complete, parsedFiles };
}

// supersedes: a plan of the workspace, and no chain that comes back to where it started.
function supersedesFindings(planFiles: ReadonlyMap<string, { file: string; parsed: ParsedYaml; supersedes?: string }>): Finding[] {
  const findings: Finding[] = [];
  for (const [id, plan] of planFiles) {
    if (plan.supersedes === undefined) continue;
    const out = new Reporter(plan.file, plan.parsed);
    if (!planFiles.has(plan.supersedes)) {
      out.report(['supersedes'], 'unknown-plan', `no plan "${plan.supersedes}" in the workspace${didYouMean(plan.supersedes, planFiles.keys())}`);
    } else {
      const chain = [id];
      for (let next: string | undefined = plan.supersedes; next !== undefined; next = planFiles.get(next)?.supersedes) {
        if (next === id) {
          out.report(['supersedes'], 'supersedes-loop', `${[...chain, id].join(' supersedes ')}: a plan cannot come after itself`);
          break;
        }
        if (chain.includes(next)) break;
        chain.push(next);
      }
    }
    for (const finding of out.findings) findings.push(finding);
  }
  return findings;
}

// related PLAN/ID into another plan, and continues: the activities they name exist, continues in a plan this one supersedes.
function acrossPlansFindings(refs: readonly ActivityRef[], planFiles: ReadonlyMap<string, { supersedes?: string }>): Finding[] {
  const ids = new Set(refs.map((ref) => `${ref.plan}/${ref.id}`));
  const findings: Finding[] = [];
  const superseded = (plan: string): Set<string> => {
    const out = new Set<string>();
    for (let next = planFiles.get(plan)?.supersedes; next !== undefined && !out.has(next); next = planFiles.get(next)?.supersedes) out.add(next);
    return out;
  };
  for (const ref of refs) {
    for (const related of ref.related) {
      const slash = related.id.indexOf('/');
      if (slash === -1 || related.id.slice(0, slash) === ref.plan) continue;
      if (!planFiles.has(related.id.slice(0, slash)) || ids.has(related.id)) continue;
      findings.push({ file: ref.file, ...related.position, path: related.path, rule: 'unknown-related', message: `related activity "${related.id}" does not exist`, severity: 'error' });
    }
    const continues = ref.continues;
    if (!continues) continue;
    const plan = continues.id.slice(0, continues.id.indexOf('/'));
    const base = { file: ref.file, ...continues.position, path: continues.path, rule: 'unknown-continues' as const, severity: 'error' as const };
    if (!superseded(ref.plan).has(plan)) {
      findings.push({ ...base, message: `continues "${continues.id}": ${ref.plan} does not supersede ${plan} (set supersedes: ${plan} in its plan.yaml)` });
    } else if (!ids.has(continues.id)) {
      findings.push({ ...base, message: `continues "${continues.id}": no such activity in ${plan}` });
    }
  }
  return findings;
}

// A unit of a party that no plan names and that has not ended: a warning, since a unit may be recorded before its first activity.
function unusedUnits(
  organisations: readonly OrganisationRecord[],
  used: ReadonlyMap<string, ReadonlySet<string>>,
  parties: ReadonlySet<string>,
  parsedFiles: ReadonlyMap<OrganisationRecord, ParsedYaml>,
): Finding[] {
  const findings: Finding[] = [];
  for (const organisation of organisations) {
    if (!organisationIds(organisation).some((id) => parties.has(id))) continue;
    const out = new Reporter(organisation.file, parsedFiles.get(organisation)!);
    // A successor carries its predecessors' work: a unit a used unit was replaced by is used too.
    const carrying = successorCodes(organisation.units ?? [], used.get(organisation.id) ?? []);
    (organisation.units ?? []).forEach((unit, index) => {
      if (carrying.has(unit.code) || unit.until !== undefined) return;
      out.report(['units', index, 'code'], 'unused-unit', `${organisation.id} unit "${unit.code}" carries no activity`);
    });
    for (const finding of out.findings) findings.push(finding);
  }
  return findings;
}
