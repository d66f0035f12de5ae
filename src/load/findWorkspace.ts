import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';

/** Where the workspace is, and the plan whose folder the command runs in, if any. */
export interface WorkspaceLocation {
  root: string;
  here?: string;
}

/**
 * The workspace: --plan-dir, else $PLAN_DIR, else from the current directory upwards the first
 * folder that holds workspace.yaml or plan/workspace.yaml (as git finds .git).
 */
export function findWorkspace(cwd: string, env: Record<string, string | undefined>, planDir?: string): WorkspaceLocation {
  const given = planDir ?? (env.PLAN_DIR || undefined);
  if (given !== undefined) {
    const dir = resolve(cwd, given);
    const source = planDir !== undefined ? '--plan-dir' : 'PLAN_DIR';
    if (!isDirectory(dir)) throw new UsageError(`${source} ${given}: no such directory`);
    const root = workspaceIn(dir) ?? (existsSync(join(dir, 'plan.yaml')) ? workspaceIn(dirname(dir)) : undefined);
    if (root === undefined) throw new UsageError(`${source} ${given}: no workspace.yaml there or in its plan/ folder (plan init creates one)`);
    return located(root, dir);
  }
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const root = workspaceIn(dir);
    if (root !== undefined) return located(root, resolve(cwd));
    if (dirname(dir) === dir) break;
  }
  throw new UsageError('no workspace found: no workspace.yaml or plan/workspace.yaml in this directory or any parent (use --plan-dir DIR or PLAN_DIR, or plan init)');
}

function workspaceIn(dir: string): string | undefined {
  if (existsSync(join(dir, 'workspace.yaml'))) return dir;
  if (existsSync(join(dir, 'plan', 'workspace.yaml'))) return join(dir, 'plan');
  return undefined;
}

// Inside a plan's folder, that plan: the first folder below the root on the way to `dir`.
function located(root: string, dir: string): WorkspaceLocation {
  const inside = relative(root, dir);
  if (inside === '' || inside.startsWith('..')) return { root };
  const first = inside.split(sep)[0]!;
  return existsSync(join(root, first, 'plan.yaml')) ? { root, here: first } : { root };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
