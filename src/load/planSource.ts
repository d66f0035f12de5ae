import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readPlanFile } from './readSource.js';

/**
 * Where loadPlan reads a plan folder from: the files on disk, a git revision (gitTreeSource), or
 * an edit not yet written (withFile), all read and checked by the same load and validation.
 */
export interface PlanSource {
  /** The names in the folder, or in a folder beneath it (a path relative to it, `/`-separated); empty when it cannot be listed. */
  list(folder?: string): string[];
  /** A file's bytes, by its path relative to the folder; throws an error carrying a Node `code` (ENOENT, EISDIR, ...) when it cannot be read. */
  read(path: string): Uint8Array;
}

/** The plan folder on disk. */
export function fsSource(dir: string): PlanSource {
  return {
    list: (folder = '') => {
      try {
        return readdirSync(join(dir, folder));
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
    list: (folder = '') => {
      const names = source.list(folder);
      const slash = name.lastIndexOf('/');
      const [parent, base] = slash === -1 ? ['', name] : [name.slice(0, slash), name.slice(slash + 1)];
      return parent !== folder.replace(/\/+$/, '') || names.includes(base) ? names : [...names, base];
    },
    read: (wanted) => (wanted === name ? bytes : source.read(wanted)),
  };
}

/** The folder `folder` of `source`, as a source of its own: a plan's folder inside the workspace. */
export function subSource(source: PlanSource, folder: string): PlanSource {
  return {
    list: (inner = '') => source.list(inner === '' ? folder : `${folder}/${inner}`),
    read: (path) => source.read(`${folder}/${path}`),
  };
}
