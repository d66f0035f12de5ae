import { fileURLToPath } from 'node:url';

/**
 * The folder this installation of plan lives in (package.json, schemas/, dist/). Modules sit at
 * one depth below it whether they run as src/*.ts in tests or bundled as dist/plan.cjs, so
 * paths are taken from this module's own folder and never from a command's.
 */
export function packageRoot(): string {
  return fileURLToPath(new URL('..', import.meta.url));
}
