import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { GlobalOptions } from '../cli.js';
import { scaffoldPlan } from '../domain/scaffoldPlan.js';
import { ExitCode, UsageError } from '../errors.js';
import { localDate, type Io } from '../io.js';
import { packageRoot } from '../packageRoot.js';

export interface InitOptions extends GlobalOptions {
  dir?: string;
}


/**
 * `plan init [DIR]`: a new, empty plan that validates, in DIR (else --plan-dir, $PLAN_DIR, plan/).
 * It never overwrites: a folder that already holds YAML files is refused (exit 2). The modelines
 * point at this installation's schemas by a relative path, so with plan installed in the project
 * (node_modules) they hold on every checkout.
 */
export async function init(options: InitOptions, io: Io): Promise<ExitCode> {
  const fromEnv = options.dir === undefined && options.planDir === undefined && Boolean(io.env.PLAN_DIR);
  const given = options.dir ?? options.planDir ?? (io.env.PLAN_DIR || 'plan');
  const dir = resolve(io.cwd, given);
  const shown = (path: string) => relative(io.cwd, path) || '.';

  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new UsageError(`${given}: not a directory`);
    const yaml = readdirSync(dir).filter((name) => /\.ya?ml$/i.test(name)).sort();
    if (yaml.length) {
      const more = yaml.length > 1 ? ` and ${yaml.length - 1} more YAML file${yaml.length > 2 ? 's' : ''}` : '';
      throw new UsageError(`${shown(join(dir, yaml[0]!))}${more} already exist${more ? '' : 's'}; plan init never overwrites (give it a new or empty folder)`);
    }
  }

  // The schemas that ship with this installation of plan.
  const installedSchemas = join(packageRoot(), 'schemas');
  const schemas = relative(dir, installedSchemas).split(sep).join('/') || '.';
  const files = scaffoldPlan(schemas, localDate(io.now())).map((file) => ({ ...file, path: join(dir, file.name) }));
  const written: string[] = [];
  try {
    mkdirSync(dir, { recursive: true });
    for (const file of files) {
      writeFileSync(file.path, file.text, { flag: 'wx' });
      written.push(file.path);
    }
  } catch (error) {
    for (const path of written) rmSync(path, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${shown((error as NodeJS.ErrnoException).path ?? dir)} already exists; plan init never overwrites`);
    throw new UsageError(`cannot create the plan in ${given}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(error))}`);
  }

  const findable = fromEnv || (basename(dir) === 'plan' && isWithin(dirname(dir), io.cwd));
  const validate = findable ? 'plan validate' : `plan validate --plan-dir ${shown(dir)}`;
  io.stdout.write(`created ${files.map((file) => shown(file.path)).join(', ')}\n`);
  io.stdout.write(`next: name the parties in plan.yaml and their units in units.yaml, add activities, then run ${validate}\n`);
  const project = projectRoot(dir);
  if (project && !isWithin(project, installedSchemas)) {
    io.stderr.write(
      `note: the editor modelines point at ${schemas}, outside this project, where other checkouts will not find the schemas; ` +
        `install plan in the project (npm install --save-dev plan) and point them at node_modules/plan/schemas\n`,
    );
  }
  return ExitCode.ok;
}

// The nearest folder above the plan that is a repository or a package: where collaborators' checkouts start.
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
