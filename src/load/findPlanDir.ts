import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';

/** The plan folder: --plan-dir, else $PLAN_DIR, else the nearest plan/ holding a plan.yaml from cwd upwards. */
export function findPlanDir(cwd: string, env: Record<string, string | undefined>, planDir?: string): string {
  const given = planDir ?? (env.PLAN_DIR || undefined);
  if (given !== undefined) {
    const dir = resolve(cwd, given);
    if (!isDirectory(dir)) {
      const source = planDir !== undefined ? '--plan-dir' : 'PLAN_DIR';
      throw new UsageError(`${source} ${given}: no such directory`);
    }
    return dir;
  }
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'plan', 'plan.yaml'))) return join(dir, 'plan');
    if (dirname(dir) === dir) break;
  }
  throw new UsageError('no plan found: no plan/plan.yaml in this directory or any parent (use --plan-dir DIR or PLAN_DIR)');
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
