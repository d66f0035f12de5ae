import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { GlobalOptions } from './options.js';
import { didYouMean } from '../text/closest.js';
import { dayIn } from '../domain/dayIn.js';
import { organisationIds } from '../domain/organisationNames.js';
import { splitValues } from '../domain/query.js';
import { currentCodes } from '../domain/unitSuccession.js';
import { addPlanId, FIRST_AREA, nameFromId, organisationFile, planFiles, workspaceFile, type CarriedActivity, type PlanScaffold, type ScaffoldFile } from '../domain/scaffoldPlan.js';
import { ExitCode, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { findWorkspace } from '../load/findWorkspace.js';
import { loadWorkspace } from '../load/loadWorkspace.js';
import type { Plan, Status, Workspace } from '../model.js';
import { packageRoot } from '../packageRoot.js';
import { refusal } from '../render/findings.js';
import { sanitize } from '../text/sanitize.js';
import { withFileLock } from '../write/withFileLock.js';
import { WriteError } from '../write/writeError.js';
import { writeFileAtomic } from '../write/writeFileAtomic.js';

export interface InitOptions extends GlobalOptions {
  /** The new plan's id (its folder). */
  planId?: string;
  /** `--parties ORG,ORG...`: the signing organisations, by id; repeatable. */
  parties?: string[];
  /** `--from PLAN-ID`: the plan the new one follows and replaces. */
  from?: string;
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** The plan id of a new workspace's first plan when none is given. */
const DEFAULT_PLAN = 'cooperation-plan';
const DEFAULT_PARTIES = ['party-a', 'party-b'];

/**
 * `plan init [PLAN-ID] [--parties ORG,ORG...] [--from PLAN-ID]`: where no workspace is (in
 * --plan-dir, $PLAN_DIR, else plan/), a new workspace that validates: workspace.yaml, one file per
 * party in organisations/, and the plan's folder with plan.yaml and one area. In a workspace, a new
 * plan in it: its folder, a file for each party the workspace does not know yet, and its id added
 * to workspace.yaml's plans (every other byte kept). It never overwrites a file. The modelines
 * point at this installation's schemas by a relative path, so with plan installed in the project
 * (node_modules) they hold on every checkout.
 */
export async function init(options: InitOptions, io: Io): Promise<ExitCode> {
  const cwd = io.cwd;
  const fromEnv = options.planDir === undefined && Boolean(io.env.PLAN_DIR);
  const given = options.planDir ?? (io.env.PLAN_DIR || undefined);
  const shown = (path: string) => relative(cwd, path) || '.';
  const planId = options.planId;
  if (planId !== undefined && !ID.test(planId)) throw new UsageError(`plan id "${sanitize(planId)}": use lower-case letters, digits and hyphens, e.g. frontex-euaa-2026`);
  const parties = options.parties && splitValues(options.parties).map((value) => value.toLowerCase());
  if (parties !== undefined) {
    if (parties.length === 0) throw new UsageError('--parties: name at least one organisation');
    const bad = parties.find((party) => !ID.test(party));
    if (bad !== undefined) throw new UsageError(`--parties: "${sanitize(bad)}" is no organisation id (lower-case letters, digits and hyphens)`);
    const twice = parties.find((party, index) => parties.indexOf(party) !== index);
    if (twice !== undefined) throw new UsageError(`--parties: ${twice} is named twice`);
  }

  const root = existingWorkspace(cwd, io.env, given);
  const installedSchemas = join(packageRoot(), 'schemas');
  const created: string[] = [];
  let target: string;
  if (root === undefined) {
    target = resolve(cwd, given ?? 'plan');
    refuseOccupied(target, given ?? 'plan', shown);
    if (options.from !== undefined) throw new UsageError(`--from ${sanitize(options.from)}: there is no workspace yet to take a plan from`);
    const id = planId ?? DEFAULT_PLAN;
    const signing = parties ?? DEFAULT_PARTIES;
    const schemas = schemasFrom(target, installedSchemas);
    const today = dayIn(io.now(), 'UTC');
    const files = [
      workspaceFile(id, schemas),
      ...signing.map((party) => organisationFile(party, schemas)),
      ...planFiles({ id, parties: signing, names: signing.map(nameFromId), areas: [FIRST_AREA] }, schemas, today),
    ];
    writeNew(target, files, created, given ?? 'plan', shown);
    io.stdout.write(`created ${created.map(shown).join(', ')}\n`);
  } else {
    target = root;
    const loaded = loadWorkspace(root, { cwd, now: io.now() });
    if (!loaded.workspace) {
      io.stderr.write(refusal('the workspace is invalid', loaded.findings));
      return ExitCode.invalid;
    }
    const workspace = loaded.workspace;
    if (planId === undefined) {
      throw new UsageError(`${shown(join(root, 'workspace.yaml'))} already exists; plan init never overwrites (plan init PLAN-ID adds a plan to this workspace)`);
    }
    const known = workspace.plans.map((plan) => plan.id);
    if (known.includes(planId) || existsSync(join(root, planId))) {
      throw new UsageError(`${shown(join(root, planId))} already exists; plan init never overwrites (choose another plan id)`);
    }
    const scaffold = newPlan(workspace, planId, parties, options.from, loaded.today);
    const schemas = schemasFrom(root, installedSchemas);
    const missing = scaffold.parties.filter((party) => !workspace.organisations.some((organisation) => organisation.id === party));
    const files = [...missing.map((party) => organisationFile(party, schemas)), ...planFiles(scaffold, schemas, loaded.today)];
    const settings = join(root, 'workspace.yaml');
    try {
      await withFileLock(settings, () => {
        const text = readFileSync(settings, 'utf8');
        const listed = addPlanId(text, planId);
        if (listed === undefined) throw new UsageError(`${shown(settings)}: cannot add "${planId}" to its plans list as it is laid out; add "- ${planId}" under plans by hand`);
        writeNew(root, files, created, shown(root), shown);
        try {
          writeFileAtomic(settings, listed);
        } catch (error) {
          undo(created, root);
          throw error;
        }
      });
    } catch (error) {
      if (!(error instanceof WriteError)) throw error;
      io.stderr.write(`plan: cannot write ${shown(settings)}: ${error.message}\n`);
      return ExitCode.invalid;
    }
    io.stdout.write(`created ${created.map(shown).join(', ')}; added ${planId} to ${shown(settings)}\n`);
    const carried = scaffold.areas.reduce((count, area) => count + (area.carried?.length ?? 0), 0);
    if (carried > 0) io.stdout.write(`carried over ${carried} open ${carried === 1 ? 'activity' : 'activities'} of ${options.from!}, each planned from today with continues set: edit or remove them\n`);
  }

  const validate = fromEnv || findsWorkspace(cwd, target) ? 'plan validate' : `plan validate --plan-dir ${shown(target)}`;
  io.stdout.write(`next: name the organisations in organisations/, give the plan its title, add its activities, then run ${validate}\n`);
  const project = projectRoot(target);
  if (project && !isWithin(project, installedSchemas)) {
    io.stderr.write(
      `note: the editor modelines point at ${relative(target, installedSchemas).split(sep).join('/')}, outside this project, where other checkouts will not find the schemas; ` +
        `install plan in the project (npm install --save-dev cooperation-plan) and point them at node_modules/cooperation-plan/schemas\n`,
    );
  }
  return ExitCode.ok;
}

// The workspace init adds to: the one --plan-dir or PLAN_DIR names, else the nearest from the current directory up.
function existingWorkspace(cwd: string, env: Record<string, string | undefined>, given: string | undefined): string | undefined {
  if (given !== undefined) {
    const dir = resolve(cwd, given);
    if (existsSync(join(dir, 'workspace.yaml'))) return dir;
    if (existsSync(join(dir, 'plan', 'workspace.yaml'))) return join(dir, 'plan');
    return undefined;
  }
  try {
    return findWorkspace(cwd, {}).root;
  } catch (error) {
    if (error instanceof UsageError) return undefined;
    throw error;
  }
}

// A new workspace goes into a new or empty folder: one that already holds YAML files is refused.
function refuseOccupied(dir: string, given: string, shown: (path: string) => string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new UsageError(`${sanitize(given)}: not a directory`);
  const yaml = readdirSync(dir).filter((name) => /\.ya?ml$/i.test(name)).sort();
  if (yaml.length) {
    const more = yaml.length > 1 ? ` and ${yaml.length - 1} more YAML file${yaml.length > 2 ? 's' : ''}` : '';
    throw new UsageError(`${shown(join(dir, yaml[0]!))}${more} already exist${more ? '' : 's'}; plan init never overwrites (give it a new or empty folder)`);
  }
}

// The plan to add: its parties (given, else those of the plan it follows, else two to rename) by current id, its areas.
function newPlan(workspace: Workspace, id: string, parties: string[] | undefined, from: string | undefined, today: string): PlanScaffold {
  const previous = from === undefined ? undefined : workspace.plans.find((plan) => plan.id === from);
  if (from !== undefined && !previous) {
    throw new UsageError(`--from ${sanitize(from)}: no plan "${sanitize(from)}" in the workspace${didYouMean(from, workspace.plans.map((plan) => plan.id))}`);
  }
  const current = (party: string) => workspace.organisations.find((organisation) => organisationIds(organisation).includes(party));
  const ids = (parties ?? previous?.parties.map((party) => party.current) ?? DEFAULT_PARTIES).map((party) => current(party)?.id ?? party);
  const signing = ids.filter((party, index) => ids.indexOf(party) === index);
  return {
    id,
    parties: signing,
    names: signing.map((party) => current(party)?.short_name ?? nameFromId(party)),
    ...(previous && { supersedes: previous.id }),
    areas: previous ? previous.areas.map(({ id: area, title, prefix }) => ({ id: area, title, prefix, carried: carriedFrom(previous, area, today) })) : [FIRST_AREA],
  };
}

// Statuses whose work is not done: a successor plan carries these activities on.
const OPEN: readonly Status[] = ['planned', 'in-progress', 'ongoing', 'on-hold'];

// The open activities of `previous` in `area`, their units under each party's current id and
// each unit followed to its successors where it had been replaced by `today`.
function carriedFrom(previous: Plan, area: string, today: string): CarriedActivity[] {
  return previous.activities
    .filter((activity) => activity.area === area && OPEN.includes(activity.status))
    .map((activity) => {
      const units: Record<string, string[]> = {};
      for (const party of previous.parties) {
        const codes = activity.units[party.id];
        if (!codes?.length) continue;
        const known = previous.units.get(party.id) ?? [];
        units[party.current] = [...new Set(codes.flatMap((code) => currentCodes(known, code, today)))];
      }
      return {
        title: activity.title,
        units,
        ...(activity.with?.length && { with: activity.with }),
        text: activity.text,
        ...(activity.actions?.length && { actions: activity.actions }),
        continues: `${previous.id}/${activity.id}`,
      };
    });
}


// The modeline path from a folder `depth` below the workspace root to the installed schemas.
function schemasFrom(root: string, schemas: string): (depth: number) => string {
  return (depth) => relative(depth === 0 ? root : join(root, 'x'), schemas).split(sep).join('/') || '.';
}

// Creates each file, none of which may exist; on any failure removes what it created and says why.
function writeNew(root: string, files: readonly ScaffoldFile[], created: string[], given: string, shown: (path: string) => string): void {
  try {
    for (const file of files) {
      const path = join(root, ...file.name.split('/'));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.text, { flag: 'wx' });
      created.push(path);
    }
  } catch (error) {
    undo(created, root);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${shown((error as NodeJS.ErrnoException).path ?? root)} already exists; plan init never overwrites`);
    throw new UsageError(`cannot create the plan in ${sanitize(given)}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(error))}`);
  }
}

// Removes the files init created and the folders it left empty, up to the workspace root.
function undo(created: string[], root: string): void {
  for (const path of created.splice(0).reverse()) {
    rmSync(path, { force: true });
    for (let dir = dirname(path); isWithin(root, dir) && dir !== root; dir = dirname(dir)) {
      try {
        rmdirSync(dir);
      } catch {
        break;
      }
    }
  }
}

// Whether `plan validate` run in `cwd` with no --plan-dir finds the workspace at `root`.
function findsWorkspace(cwd: string, root: string): boolean {
  try {
    return findWorkspace(cwd, {}).root === root;
  } catch {
    return false;
  }
}

// The nearest folder above the workspace that is a repository or a package: where collaborators' checkouts start.
function projectRoot(dir: string): string | undefined {
  for (let at = dirname(dir); ; at = dirname(at)) {
    if (existsSync(join(at, '.git')) || existsSync(join(at, 'package.json'))) return at;
    if (dirname(at) === at) return undefined;
  }
}

function isWithin(parent: string, path: string): boolean {
  const rel = relative(parent, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
