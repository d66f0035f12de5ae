import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readPlanFile } from './readSource.js';

/** Where loadPlan reads a plan folder from, so a git revision or an edit not yet written can be checked like the files on disk. */
export interface PlanSource {
  /** The names in the folder; empty when it cannot be listed. */
  list(): string[];
  /** A file's bytes; throws an error carrying a Node `code` (ENOENT, EISDIR, ...) when it cannot be read. */
  read(name: string): Uint8Array;
}

/** The plan folder on disk. */
export function fsSource(dir: string): PlanSource {
  return {
    list: () => {
      try {
        return readdirSync(dir);
      } catch {
        return [];
      }
    },
    read: (name) => readPlanFile(join(dir, name)),
  };
}

/** `source` with one file's bytes replaced: the plan as it would be after an edit. */
export function withFile(source: PlanSource, name: string, bytes: Uint8Array): PlanSource {
  return {
    list: () => {
      const names = source.list();
      return names.includes(name) ? names : [...names, name];
    },
    read: (wanted) => (wanted === name ? bytes : source.read(wanted)),
  };
}
